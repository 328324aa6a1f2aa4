/**
 * The two newer built-ins the checker and htmlparser2 call (Chrome 92–93, Firefox 90–92), for the
 * older Chromium-based browsers still common on office machines (360, QQ and Sogou browsers ship
 * Chromium 86 and later). Injected ahead of the worker's modules by scripts/build-web.mjs.
 */
const objectWithHasOwn = Object as { hasOwn?: (o: object, key: PropertyKey) => boolean };
if (typeof objectWithHasOwn.hasOwn !== 'function') {
  Object.defineProperty(Object, 'hasOwn', {
    value: (o: object, key: PropertyKey): boolean => Object.prototype.hasOwnProperty.call(o, key),
    configurable: true,
    writable: true,
  });
}

for (const proto of [Array.prototype, String.prototype] as Array<{ at?: unknown }>) {
  if (typeof proto.at === 'function') continue;
  Object.defineProperty(proto, 'at', {
    value(this: ArrayLike<unknown>, index: number): unknown {
      const n = Math.trunc(index) || 0;
      const i = n < 0 ? this.length + n : n;
      return i < 0 || i >= this.length ? undefined : this[i];
    },
    configurable: true,
    writable: true,
  });
}

export {};
