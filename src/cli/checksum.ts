/**
 * MurmurHash3 (x86, 32-bit) of a byte buffer: the code cache's check that a cache file belongs to
 * this build's bundle and arrived whole. Not a defence against an attacker (the cache directory's
 * ownership is), only against another build and a damaged file; written here because zlib's
 * crc32, the one in Node, costs a new process several milliseconds to load.
 */
export function murmur3(bytes: Uint8Array, seed = 0): number {
  const length = bytes.length;
  const words = length >>> 2;
  let h = seed | 0;
  // Four bytes at a time, little-endian as the algorithm defines them.
  for (let i = 0, at = 0; i < words; i++, at += 4) {
    let k = bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16) | (bytes[at + 3]! << 24);
    k = Math.imul(k, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, 0x1b873593);
    h ^= k;
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  // The last one to three bytes, as one little-endian word.
  const tail = words << 2;
  const rest = length & 3;
  if (rest > 0) {
    let k = bytes[tail]!;
    if (rest > 1) k |= bytes[tail + 1]! << 8;
    if (rest > 2) k |= bytes[tail + 2]! << 16;
    k = Math.imul(k, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, 0x1b873593);
    h ^= k;
  }
  h ^= length;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
