// How each part of a check grows with the input: the seeds repeated to 400 KB and to 2 MB
// (×5.12), each part's time read from CPU profiles of the built package (inclusive time of the
// function that does it), so the parts are measured in one run, as the code really runs.
//   npm run build && node bench/growth.mjs [rounds=8]
// Target (issue 12): no part grows more than ×5.6 (the input's ×5.12 and some noise); no scan
// of the whole report per figure.
//
// Why the figures can be trusted:
// - Every part's function is looked up in the bundle (esbuild renames a function whose name is
//   taken to name2, name3 …): a part whose function is missing stops the run instead of reading 0.
// - Each profile is taken in a new process that checks texts of one size only, after about a
//   second of checks of that size, so the heap has grown to what that size needs and the profiled
//   checks reuse its memory, as a process that checks such reports does. (In one process that
//   checked both sizes and collected its heap before each profile, the large side got fresh
//   memory again each time and had 5 checks to spread it over where the small had 25; on a virtual
//   machine a fresh 4 KB page costs about 12 µs on first touch, as long as reading thousands of
//   characters, so the parse passes seemed to grow ×8–12 by their page faults, not by their work.)
// - Small and large processes alternate, round by round, so a change in the machine's load falls
//   on both sides; each side runs for about the same time, so each part gets about as many samples
//   on both sides when it grows linearly.
// - A part's time is its share of the samples times the CPU time of the checks: a sample is
//   counted once however long the process waited before it was taken (on a loaded machine the
//   wait lands on whatever function runs next), and CPU time does not count the waits.
// - A part's figure is the median over the rounds, and every part is shown with its sample
//   counts and the noise those allow (two standard errors of the ratio): small parts are not
//   hidden, they are shown as exactly as their samples allow.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { fileURLToPath } from 'node:url';
import { checkReport } from '../dist/index.js';

const seed = (name) => readFileSync(new URL(`../seeds/${name}`, import.meta.url), 'utf8');
const unit = `${seed('2020-baiyun-shimen-street.txt')}\n${seed('2020-baiyun-district.txt')}\n`;
// Both texts are joined from a list, so each is one flat string, as a text read from a file is.
// Built with `+=` and `repeat` they were rope (cons) strings: V8 flattens a rope on first read
// but the large one stayed a rope pointing at its flat copy, so every read of the large text went
// through one more indirection than the small's, and the passes over the raw text (normalise)
// looked as if they grew faster than the input.
const sized = (bytes) => {
  const units = [];
  for (let size = 0; size < bytes; size += Buffer.byteLength(unit)) units.push(unit);
  return units.join('');
};

/** The parts of a check, by the name of the function that does each in the source. */
const PARTS = {
  'parse: normalise': ['normalizeView'],
  'parse: lines and paragraphs': ['splitLines', 'layoutParagraphs'],
  'parse: sections': ['buildSections'],
  'parse: sentences': ['splitSentences'],
  'parse: enumerations': ['findEnumerations'],
  'parse: figures (scanner)': ['scan'],
  'parse: metadata': ['readMetadata'],
  'parse: tables': ['readTables'],
  'claims: figure context': ['buildContext'],
  'claims: breakdowns': ['extractBreakdowns'],
  'claims: partitions': ['extractPartitions'],
  'claims: subsets': ['extractSubsets'],
  'claims: rates and shares': ['extractRates'],
  'claims: counted lists': ['extractCountedLists'],
  'claims: restatements': ['extractRestatements'],
  'claims: zero claims': ['extractZeroClaims'],
  'claims: growth': ['extractGrowth'],
  'claims: tables': ['extractTableClaims'],
  'rules (all)': ['runRule'],
  'findings (positions, fingerprints)': ['toDiagnostic'],
  'garbage collection': ['(garbage collector)'],
  // The checks' own time and their pauses for garbage collection (which profiles show apart).
  'whole check': ['checkReport', '(garbage collector)'],
};

/**
 * The bundle's name for each source function: the name itself or, when esbuild renamed it, the one
 * with a number after it that stands in the source file the part comes from. Several source
 * functions may share a name (buildContext is the parser's figure context and the claims'), so the
 * part says which file it means when that matters.
 */
const SOURCE_FILE = { buildContext: 'src/claims/context.ts' };

function bundleNames() {
  const dir = new URL('../dist/', import.meta.url);
  // The entry and any chunk it imports: the code this bench runs.
  const entry = readFileSync(new URL('index.js', dir), 'utf8');
  const chunks = [...entry.matchAll(/from "\.\/(chunk-[\w-]+\.js)"/g)].map((m) => readFileSync(new URL(m[1], dir), 'utf8'));
  const code = [entry, ...chunks].join('\n');
  const resolved = {};
  for (const names of Object.values(PARTS)) {
    for (const name of names) {
      if (name.startsWith('(')) {
        resolved[name] = name;
        continue;
      }
      // esbuild writes `// src/file.ts` above each module: the function is looked for in its module.
      const file = SOURCE_FILE[name];
      let scope = code;
      if (file) {
        const at = code.indexOf(`// ${file}\n`);
        if (at < 0) throw new Error(`${file} is not in the bundle`);
        const next = code.indexOf('\n// src/', at + 1);
        scope = code.slice(at, next < 0 ? code.length : next);
      }
      // A function, or else a method (FigureScanner's scan).
      const found = new RegExp(`function (${name}\\d*)\\(`).exec(scope) ?? new RegExp(`^ +(${name}\\d*)\\([^)]*\\) \\{$`, 'm').exec(scope);
      if (!found) throw new Error(`no function ${name} in the bundle: the part would read 0`);
      resolved[name] = found[1];
    }
  }
  return resolved;
}
const NAMES = bundleNames();

const INTERVAL_US = 50;

/**
 * CPU milliseconds of this thread so far: the checks' own, with their pauses for garbage
 * collection, without the time other threads spend (concurrent marking, the profiler's own
 * sampling) nor the time the machine's load keeps this thread waiting. Read from Linux's
 * /proc (in clock ticks of 10 ms: a profile runs for about a second); elsewhere the process's CPU
 * time, which counts the other threads too.
 */
const cpuMs = (() => {
  try {
    readFileSync('/proc/thread-self/stat', 'utf8');
  } catch {
    return () => {
      const { user, system } = process.cpuUsage();
      return (user + system) / 1000;
    };
  }
  return () => {
    const stat = readFileSync('/proc/thread-self/stat', 'utf8');
    // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  };
})();

/**
 * Minor page faults of this thread so far (Linux; elsewhere null): how many fresh pages of memory
 * the checks touched. On a virtual machine whose memory the host backs on first touch a fault
 * costs about 12 µs (a 4 KB page: as long as reading thousands of characters), so a side that
 * gets fresh pages where the other reuses its heap's grows by more than its work; the figure is
 * printed so that this shows.
 */
const minorFaults = (() => {
  try {
    readFileSync('/proc/thread-self/stat', 'utf8');
  } catch {
    return () => null;
  }
  return () => {
    const stat = readFileSync('/proc/thread-self/stat', 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[7]);
  };
})();

/** Samples of each part, all samples and CPU ms per check, from one profile of `runs` checks. */
async function profile(text, runs, warmRuns) {
  for (let i = 0; i < warmRuns; i++) checkReport(text);
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: INTERVAL_US });
  await session.post('Profiler.start');
  const t0 = cpuMs();
  const f0 = minorFaults();
  for (let i = 0; i < runs; i++) checkReport(text);
  const faults = f0 === null ? null : (minorFaults() - f0) / runs;
  const cpu = (cpuMs() - t0) / runs;
  const { profile: p } = await session.post('Profiler.stop');
  session.disconnect();
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  // Samples per node, then per function name inclusive of its callees (a recursive name once).
  const hits = new Map();
  for (const id of p.samples) hits.set(id, (hits.get(id) ?? 0) + 1);
  const byName = new Map();
  let checking = 0;
  for (const [id, count] of hits) {
    const seen = new Set();
    for (let k = id; k !== undefined; k = parent.get(k)) {
      const name = byId.get(k).callFrame.functionName;
      if (seen.has(name)) continue;
      seen.add(name);
      byName.set(name, (byName.get(name) ?? 0) + count);
    }
    const name = byId.get(id).callFrame.functionName;
    // The samples of the checks: in checkReport, or in a pause of it for garbage collection.
    if (seen.has(NAMES.checkReport) || name === '(garbage collector)') checking += count;
  }
  const samples = {};
  for (const [part, names] of Object.entries(PARTS)) samples[part] = names.reduce((a, n) => a + (byName.get(NAMES[n]) ?? 0), 0);
  return { samples, checking, cpu, faults };
}

const small = sized(400 * 1024);
// Exactly ×5.12 in characters, as in the issue's table.
const large = [small, small, small, small, small, small.slice(0, Math.round(small.length * 0.12))].join('');
const ratio = large.length / small.length;
// About the same time on each side: five small checks take about as long as one large.
const RUNS = { small: 25, large: 5 };
// About a second of checks before each profile.
const WARM_RUNS = { small: 50, large: 10 };

// A child process: one profile of one size, printed as JSON.
const sideArg = process.argv.indexOf('--side');
if (sideArg >= 0) {
  const side = process.argv[sideArg + 1];
  const result = await profile(side === 'large' ? large : small, RUNS[side], WARM_RUNS[side]);
  process.stdout.write(JSON.stringify(result));
  process.exit(0);
}

const rounds = Number(process.argv[2] ?? 8);
const self = fileURLToPath(import.meta.url);
const profileIn = (side) => {
  const r = spawnSync(process.execPath, [self, '--side', side], { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`the ${side} profile failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
};
const sides = { small: [], large: [] };
for (let r = 0; r < rounds; r++) {
  sides.small.push(profileIn('small'));
  sides.large.push(profileIn('large'));
}

/** A part's ms per check in one profile: its share of the check's samples times the check's CPU time. */
const msOf = (p, part) => (p.checking > 0 ? (p.samples[part] / p.checking) * p.cpu : 0);
const median = (xs) => {
  const s = [...xs].sort((x, y) => x - y);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

console.log(
  `growth from ${(Buffer.byteLength(small) / 1024).toFixed(0)} KB to ${(Buffer.byteLength(large) / 1024).toFixed(0)} KB (input ×${ratio.toFixed(2)});`,
  `ms per check, median of ${rounds} profiles (each in a new process, after ${WARM_RUNS.small} and ${WARM_RUNS.large} checks) of ${RUNS.small} and ${RUNS.large} checks, sampled every ${INTERVAL_US} µs:`,
);
const renamed = Object.entries(NAMES).filter(([a, b]) => a !== b);
if (renamed.length) console.log(`  (renamed in the bundle: ${renamed.map(([a, b]) => `${a} → ${b}`).join(', ')})`);
console.log(`  ${'part'.padEnd(36)} ${'small'.padStart(8)}   ${'large'.padStart(8)}   growth ± noise    samples`);
let worst = { part: '', growth: 0, noise: 0 };
for (const part of Object.keys(PARTS)) {
  const a = median(sides.small.map((p) => msOf(p, part)));
  const b = median(sides.large.map((p) => msOf(p, part)));
  const na = sides.small.reduce((t, p) => t + p.samples[part], 0);
  const nb = sides.large.reduce((t, p) => t + p.samples[part], 0);
  const g = a > 0 ? b / a : NaN;
  // Counting noise of the samples: two standard errors of the ratio.
  const noise = na > 0 && nb > 0 ? 2 * g * Math.sqrt(1 / na + 1 / nb) : NaN;
  if (Number.isFinite(g) && g > worst.growth) worst = { part, growth: g, noise };
  const shown = Number.isFinite(g) ? `×${g.toFixed(2)} ± ${noise.toFixed(2)}` : '—';
  console.log(`  ${part.padEnd(36)} ${a.toFixed(2).padStart(8)} → ${b.toFixed(2).padStart(8)}   ${shown.padEnd(15)} ${String(na).padStart(6)} / ${nb}`);
}
if (sides.small[0].faults !== null) {
  const fa = median(sides.small.map((p) => p.faults));
  const fb = median(sides.large.map((p) => p.faults));
  console.log(`  fresh pages touched per check (minor faults, median): ${fa.toFixed(0)} → ${fb.toFixed(0)} (×${(fb / fa).toFixed(2)})`);
  // What a fresh page costs on this machine: a new 64 MB buffer written once, its faults counted.
  const f0 = minorFaults();
  const t0 = cpuMs();
  Buffer.alloc(64 << 20).fill(1);
  const perFault = (cpuMs() - t0) / Math.max(1, minorFaults() - f0);
  const whole = (side) => median(sides[side].map((p) => msOf(p, 'whole check')));
  const a = whole('small') - fa * perFault;
  const b = whole('large') - fb * perFault;
  console.log(
    `  a fresh page costs ${(perFault * 1000).toFixed(1)} µs here; the whole check less its fresh pages: ${a.toFixed(2)} → ${b.toFixed(2)} ms (×${(b / a).toFixed(2)})`,
  );
}
const verdict = worst.growth <= 5.6 ? 'met' : worst.growth - worst.noise <= 5.6 ? 'not met, within the noise of its samples' : 'not met';
console.log(`  largest growth of any part: ${worst.part} ×${worst.growth.toFixed(2)} ± ${worst.noise.toFixed(2)} (target ≤ ×5.6): ${verdict}`);
