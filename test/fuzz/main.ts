/**
 * The long fuzz run behind `npm run fuzz` (bundled and started by scripts/fuzz.mjs): checks every
 * generated input, keeps going past failures to count them, then shrinks one failing input of
 * each kind and measures linearity on the same generator.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { fuzzText } from './arbitraries.js';
import { checkInput, type Problem } from './invariants.js';
import { MAX_LINEARITY_RATIO, measureLinearity } from './linearity.js';
import { loadFuzzSources } from './sources.js';

/** Failing inputs saved in full before the rest are only counted. */
const SAVED_LIMIT = 20;

interface Options {
  runs: number;
  seed: number;
  out: string;
  replay: string | null;
  linearity: boolean;
}

function usage(why: string): never {
  console.error(`fuzz: ${why}\nusage: npm run fuzz -- [--runs N] [--seed S] [--out DIR] [--no-linearity] [--replay FILE.json]`);
  process.exit(2);
}

function parseArgs(argv: readonly string[]): Options {
  const envRuns = process.env.JIAOHE_FUZZ_RUNS;
  const envSeed = process.env.JIAOHE_FUZZ_SEED;
  const opts: Options = {
    runs: envRuns ? Number(envRuns) : 100_000,
    seed: envSeed ? Number(envSeed) : Math.floor(Math.random() * 2 ** 31),
    out: join('/tmp', `jiaohe-fuzz-${new Date().toISOString().replace(/[:.]/g, '-')}`),
    replay: null,
    linearity: true,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = (): string => argv[++i] ?? usage(`${a} needs a value`);
    if (a === '--runs') opts.runs = Number(value());
    else if (a === '--seed') opts.seed = Number(value());
    else if (a === '--out') opts.out = value();
    else if (a === '--replay') opts.replay = value();
    else if (a === '--no-linearity') opts.linearity = false;
    else usage(`unknown argument ${a}`);
  }
  if (!Number.isInteger(opts.runs) || opts.runs < 1) usage('--runs must be a positive integer');
  if (!Number.isInteger(opts.seed)) usage('--seed must be an integer');
  return opts;
}

/** An input and how long it took. */
interface Slow {
  text: string;
  ms: number;
}

/** Candidates kept for re-timing: one slow first run is often a GC pause or another process. */
const SLOW_CANDIDATES = 50;
/** Inputs checked between two turns of the event loop (see `main`). */
const BATCH = 1000;
const RETIME_RUNS = 5;

const perKb = (x: Slow): number => x.ms / (x.text.length / 1024);
const kb = (text: string): string => (text.length / 1024).toFixed(1);

function keepSlowest(list: Slow[], item: Slow, score: (x: Slow) => number): void {
  if (list.length >= SLOW_CANDIDATES && score(item) <= score(list[list.length - 1]!)) return;
  list.push(item);
  list.sort((a, b) => score(b) - score(a));
  list.length = Math.min(list.length, SLOW_CANDIDATES);
}

/** The candidate that is still slowest when each is timed best-of-several on a warm process. */
function retime(list: readonly Slow[], score: (x: Slow) => number): (Slow & { firstMs: number }) | null {
  let worst: (Slow & { firstMs: number }) | null = null;
  for (const c of list) {
    let ms = Infinity;
    for (let i = 0; i < RETIME_RUNS; i++) ms = Math.min(ms, checkInput(c.text).ms);
    const again = { text: c.text, ms, firstMs: c.ms };
    if (!worst || score(again) > score(worst)) worst = again;
  }
  return worst;
}

/** Saves an input as JSON (exact, lone surrogates escaped) and as plain text to read. */
function save(dir: string, name: string, text: string, extra: object): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify({ ...extra, length: text.length, text }, null, 1));
  writeFileSync(join(dir, `${name}.txt`), text);
  return file;
}

function describe(problems: readonly Problem[]): string {
  return problems
    .slice(0, 5)
    .map((p) => `    ${p.kind}: ${p.detail}${p.stack ? `\n${p.stack.split('\n').slice(1, 12).join('\n')}` : ''}`)
    .join('\n');
}

function replay(file: string): number {
  const { text } = JSON.parse(readFileSync(file, 'utf8')) as { text: string };
  const outcome = checkInput(text);
  console.log(`replayed ${file}: ${text.length} chars, ${outcome.findings} findings, ${outcome.ms.toFixed(1)} ms`);
  if (outcome.problems.length === 0) {
    console.log('no problems');
    return 0;
  }
  console.log(describe(outcome.problems));
  return 1;
}

/** Runs the fuzzer; `root` is the project root (seeds/ and ../shared/corpus are found from it). */
export async function main(argv: readonly string[], root: string): Promise<number> {
  const opts = parseArgs(argv);
  if (opts.replay) return replay(opts.replay);
  const sources = loadFuzzSources(root);
  if (sources.corpusNote) console.log(sources.corpusNote);
  const arb = fuzzText(sources);
  console.log(`fuzz: ${opts.runs} inputs, seed ${opts.seed}, ${sources.texts.length} source texts; failing inputs go to ${opts.out}`);

  let runs = 0;
  let chars = 0;
  let checkMs = 0;
  let failing = 0;
  const byKind = new Map<string, number>();
  const slowPerKb: Slow[] = [];
  const slowTotal: Slow[] = [];
  const t0 = performance.now();
  const step = Math.max(1, Math.round(opts.runs / 20));
  // The batch (its seed and size) where each kind of problem first showed, to shrink it there.
  const firstBatch = new Map<string, { seed: number; runs: number }>();
  // In batches with a turn of the event loop between them: a result holds its report through a
  // WeakRef once read, and JavaScript keeps every WeakRef's target alive until the current job
  // ends, so one synchronous run of 10^5 checks would keep every report it read (3.5 GB by 20,000).
  for (let batch = 0; runs < opts.runs; batch++) {
    const size = Math.min(BATCH, opts.runs - runs);
    const seed = opts.seed + batch;
    fc.check(
      fc.property(arb, (text) => {
        const outcome = checkInput(text);
        runs++;
        chars += text.length;
        checkMs += outcome.ms;
        // Below 1 KB fixed costs dominate, so per-KB figures of tiny inputs say nothing about scaling.
        if (text.length >= 1024) keepSlowest(slowPerKb, { text, ms: outcome.ms }, perKb);
        keepSlowest(slowTotal, { text, ms: outcome.ms }, (x) => x.ms);
        if (outcome.problems.length > 0) {
          failing++;
          for (const kind of new Set(outcome.problems.map((p) => p.kind))) {
            byKind.set(kind, (byKind.get(kind) ?? 0) + 1);
            if (!firstBatch.has(kind)) firstBatch.set(kind, { seed, runs: size });
          }
          if (failing <= SAVED_LIMIT) save(opts.out, `failing-${failing}`, text, { seed, run: runs, problems: outcome.problems });
        }
        if (runs % step === 0) {
          const s = (performance.now() - t0) / 1000;
          const heap = process.memoryUsage().heapUsed / 2 ** 20;
          console.error(`  ${runs}/${opts.runs} inputs, ${failing} failing, ${(runs / s).toFixed(0)} inputs/s, heap ${heap.toFixed(0)} MB`);
        }
        return true;
      }),
      { numRuns: size, seed },
    );
    await new Promise((resolve) => setImmediate(resolve));
  }
  const seconds = (performance.now() - t0) / 1000;

  console.log(`\ninputs run: ${runs} in ${seconds.toFixed(0)} s (${(runs / seconds).toFixed(0)} inputs/s; ${(chars / runs / 1024).toFixed(1)} KB average, ${(checkMs / 1000).toFixed(0)} s in checkReport)`);
  console.log(`crashes: ${failing} failing inputs${failing ? ` (${[...byKind].map(([k, n]) => `${k} ${n}`).join(', ')})` : ''}`);
  const worstPerKb = retime(slowPerKb, perKb);
  if (worstPerKb) {
    const file = save(opts.out, 'slowest-per-kb', worstPerKb.text, { ms: worstPerKb.ms, firstMs: worstPerKb.firstMs });
    console.log(`slowest input per KB (inputs ≥ 1 KB, re-timed): ${perKb(worstPerKb).toFixed(2)} ms/KB, ${kb(worstPerKb.text)} KB in ${worstPerKb.ms.toFixed(1)} ms (${worstPerKb.firstMs.toFixed(1)} ms when first run) → ${file}`);
  }
  const worst = retime(slowTotal, (x) => x.ms);
  if (worst) {
    const file = save(opts.out, 'slowest', worst.text, { ms: worst.ms, firstMs: worst.firstMs });
    console.log(`slowest input (re-timed): ${worst.ms.toFixed(1)} ms, ${kb(worst.text)} KB (${worst.firstMs.toFixed(1)} ms when first run) → ${file}`);
  }

  let ok = failing === 0;
  for (const kind of byKind.keys()) {
    // Shrink with the same seed: fast-check replays up to the first input failing this way, then minimises it.
    const first = firstBatch.get(kind)!;
    const result = fc.check(
      fc.property(arb, (text) => !checkInput(text).problems.some((p) => p.kind === kind)),
      { numRuns: first.runs, seed: first.seed },
    );
    if (!result.failed || !result.counterexample) continue;
    const [text] = result.counterexample;
    const problems = checkInput(text).problems;
    const file = save(opts.out, `smallest-${kind}`, text, { seed: opts.seed, problems });
    console.log(`\nsmallest input with ${kind} (${text.length} chars, after ${result.numShrinks} shrinks) → ${file}\n  ${JSON.stringify(text)}\n${describe(problems)}`);
  }

  if (opts.linearity) {
    for (const k of [0, 1, 2]) {
      const l = measureLinearity(arb, { seed: opts.seed + 1000 * (k + 1) });
      const verdict = l.ratio <= MAX_LINEARITY_RATIO ? 'ok' : `FAIL (over ${MAX_LINEARITY_RATIO}×)`;
      console.log(
        `linearity ${k + 1}: ${l.blocks} blocks of ~${(l.smallChars / 1024).toFixed(0)} KB at ${l.smallUsPerChar.toFixed(3)} µs/char; joined ${(l.largeChars / 1024).toFixed(0)} KB at ${l.largeUsPerChar.toFixed(3)} µs/char; ratio ${l.ratio.toFixed(2)} ${verdict}`,
      );
      if (l.ratio > MAX_LINEARITY_RATIO) ok = false;
    }
  }
  return ok ? 0 : 1;
}
