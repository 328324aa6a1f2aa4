// How each part of a check grows with the input: the seeds repeated to 400 KB and to 2 MB
// (×5.12), each part's time read from a CPU profile of the built package (inclusive time of the
// function that does it), so the parts are measured in one run, as the code really runs.
//   npm run build && node bench/growth.mjs
// Target (issue 12): no part grows more than ×5.6 (the input's ×5.12 and some noise); no scan
// of the whole report per figure.
import { readFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { checkReport } from '../dist/index.js';

const seed = (name) => readFileSync(new URL(`../seeds/${name}`, import.meta.url), 'utf8');
const unit = `${seed('2020-baiyun-shimen-street.txt')}\n${seed('2020-baiyun-district.txt')}\n`;
const sized = (bytes) => {
  let s = '';
  while (Buffer.byteLength(s) < bytes) s += unit;
  return s;
};

/** The parts of a check, by the name of the function that does each in the bundle. */
const PARTS = {
  'parse: normalise': ['normalizeView'],
  'parse: lines and paragraphs': ['splitLines', 'layoutParagraphs'],
  'parse: sections': ['buildSections'],
  'parse: sentences': ['splitSentences'],
  'parse: enumerations': ['findEnumerations'],
  'parse: figures (scanner)': ['scan'],
  'parse: metadata': ['readMetadata'],
  'parse: tables': ['readTables'],
  'claims: figure context': ['buildContext2'],
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
  'whole check': ['checkReport'],
};

async function profile(text, runs) {
  for (let i = 0; i < 3; i++) checkReport(text); // warm
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  for (let i = 0; i < runs; i++) checkReport(text);
  const { profile: p } = await session.post('Profiler.stop');
  session.disconnect();
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const selfTime = new Map();
  for (let i = 0; i < p.samples.length; i++) selfTime.set(p.samples[i], (selfTime.get(p.samples[i]) ?? 0) + (p.timeDeltas[i] ?? 0));
  const total = new Map();
  for (const [id, t] of selfTime) {
    const seen = new Set();
    for (let k = id; k !== undefined; k = parent.get(k)) {
      const name = byId.get(k).callFrame.functionName;
      if (seen.has(name)) continue;
      seen.add(name);
      total.set(name, (total.get(name) ?? 0) + t);
    }
  }
  const out = {};
  for (const [part, names] of Object.entries(PARTS)) out[part] = names.reduce((a, n) => a + (total.get(n) ?? 0), 0) / runs / 1000;
  return out;
}

const small = sized(400 * 1024);
// Exactly ×5.12 in characters, as in the table.
const large = small.repeat(5) + small.slice(0, Math.round(small.length * 0.12));
const ratio = large.length / small.length;
// A sampling profile attributes a pause or a burst of load to whatever part it lands in: each
// part's time is the least of three profiles.
const least = async (text, runs) => {
  const all = [];
  for (let i = 0; i < 3; i++) all.push(await profile(text, runs));
  return Object.fromEntries(Object.keys(PARTS).map((part) => [part, Math.min(...all.map((p) => p[part]))]));
};
const a = await least(small, 15);
const b = await least(large, 3);
console.log(`growth from ${(Buffer.byteLength(small) / 1024).toFixed(0)} KB to ${(Buffer.byteLength(large) / 1024).toFixed(0)} KB (input ×${ratio.toFixed(2)}); ms per check:`);
let worst = 0;
for (const part of Object.keys(PARTS)) {
  const g = a[part] > 0.05 ? b[part] / a[part] : NaN;
  if (Number.isFinite(g) && a[part] > 1) worst = Math.max(worst, g);
  console.log(`  ${part.padEnd(36)} ${a[part].toFixed(1).padStart(8)} → ${b[part].toFixed(1).padStart(8)}   ×${Number.isFinite(g) ? g.toFixed(2) : '—'}`);
}
console.log(`  largest growth of a part over 1 ms (smaller ones are a few samples): ×${worst.toFixed(2)} (target ≤ ×5.6): ${worst <= 5.6 ? 'met' : 'not met'}`);
