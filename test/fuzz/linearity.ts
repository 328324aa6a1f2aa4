/** Whether checking time per character stays flat as fuzzed inputs grow. */
import fc from 'fast-check';
import { checkReport } from '../../src/index.js';

/** Per-character time may grow at most this much from ~10 KB inputs to ~200 KB. */
export const MAX_LINEARITY_RATIO = 3;

/** Sizes and costs of one comparison of small and large inputs. */
export interface Linearity {
  blocks: number;
  smallChars: number;
  largeChars: number;
  /** Best-of-several CPU time of each small block, summed, per character. */
  smallUsPerChar: number;
  /** Best-of-several CPU time of all blocks joined into one text, per character. */
  largeUsPerChar: number;
  /** `largeUsPerChar / smallUsPerChar`: about 1 when the work is linear. */
  ratio: number;
}

/** How to size the comparison. */
export interface LinearityOptions {
  seed: number;
  /** Each small input is at least this long (UTF-16 units). */
  blockChars?: number;
  /** The large input joins this many small ones. */
  blocks?: number;
  /** Timed rounds; each times every small block and the large input once, and the best of each counts. */
  rounds?: number;
  /** What is timed: `checkReport` unless a test of the harness swaps in a stand-in. */
  check?: (text: string) => unknown;
}

/** Texts of at least `minChars` each, made by joining inputs from `arb` in the order a seed gives them. */
export function blocksFrom(arb: fc.Arbitrary<string>, count: number, minChars: number, seed: number): string[] {
  const blocks: string[] = [];
  let pool: string[] = [];
  let round = 0;
  let current = '';
  while (blocks.length < count) {
    if (pool.length === 0) pool = fc.sample(arb, { seed: seed + round++, numRuns: 200 }).reverse();
    current += (current ? '\n' : '') + pool.pop()!;
    if (current.length >= minChars) {
      blocks.push(current);
      current = '';
    }
  }
  return blocks;
}

/**
 * Milliseconds of CPU this process spent: unlike wall time it does not count the time other
 * processes on a loaded machine take the cores away (GC threads are counted, on both sides).
 */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

function timeMs(check: (text: string) => unknown, text: string): number {
  const t0 = cpuMs();
  check(text);
  return cpuMs() - t0;
}

/**
 * Checks each small block on its own and then all of them joined: the same characters, so a
 * linear checker spends about the same time per character both ways. Rounds alternate between
 * the two sides so that both see the same JIT warmth and machine load, and the best of each
 * resists GC pauses; a per-figure scan of the whole text shows up as a ratio that grows with
 * the number of blocks.
 */
export function measureLinearity(arb: fc.Arbitrary<string>, options: LinearityOptions): Linearity {
  const { seed, blockChars = 10_000, blocks: count = 20, rounds = 3, check = checkReport } = options;
  const blocks = blocksFrom(arb, count, blockChars, seed);
  const large = blocks.join('\n');
  for (const b of blocks) timeMs(check, b); // warm the JIT on this very text before anything is timed
  const smallBest = blocks.map(() => Infinity);
  let largeBest = Infinity;
  for (let r = 0; r < rounds; r++) {
    blocks.forEach((b, i) => (smallBest[i] = Math.min(smallBest[i]!, timeMs(check, b))));
    largeBest = Math.min(largeBest, timeMs(check, large));
  }
  const smallChars = blocks.reduce((n, b) => n + b.length, 0);
  const smallUsPerChar = (smallBest.reduce((t, ms) => t + ms, 0) * 1000) / smallChars;
  const largeUsPerChar = (largeBest * 1000) / large.length;
  return { blocks: count, smallChars: Math.round(smallChars / count), largeChars: large.length, smallUsPerChar, largeUsPerChar, ratio: largeUsPerChar / smallUsPerChar };
}
