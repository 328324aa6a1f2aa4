import { describe, expect, it } from 'vitest';
import { murmur3 } from './checksum.js';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('murmur3', () => {
  // Published test vectors of MurmurHash3_x86_32 (the reference implementation's outputs).
  it('gives the reference outputs', () => {
    expect(murmur3(bytes(''), 0)).toBe(0);
    expect(murmur3(bytes(''), 1)).toBe(0x514e28b7);
    expect(murmur3(bytes('The quick brown fox jumps over the lazy dog'), 0)).toBe(0x2e4ff723);
    expect(murmur3(bytes('Hello, world!'), 1234)).toBe(0xfaf6cdb3);
    expect(murmur3(new Uint8Array([0x21, 0x43, 0x65, 0x87]), 0)).toBe(0xf55b516b);
    // Tails of one, two and three bytes.
    expect(murmur3(new Uint8Array([0x21]), 0)).toBe(0x72661cf4);
    expect(murmur3(new Uint8Array([0x21, 0x43]), 0)).toBe(0xa0f7b07a);
    expect(murmur3(new Uint8Array([0x21, 0x43, 0x65]), 0)).toBe(0x7e4a8634);
  });

  it('changes when one byte changes or the buffer is cut short', () => {
    const data = new Uint8Array(4096).map((_, i) => (i * 31) & 0xff);
    const whole = murmur3(data);
    for (const at of [0, 1, 2, 3, 2047, 4095]) {
      const changed = data.slice();
      changed[at] = changed[at]! ^ 1;
      expect(murmur3(changed)).not.toBe(whole);
    }
    expect(murmur3(data.subarray(0, 4095))).not.toBe(whole);
  });
});
