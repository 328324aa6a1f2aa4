/**
 * The package as a strict TypeScript consumer gets it: packed, installed into a scratch project
 * and type-checked with NodeNext resolution, `strict` and `skipLibCheck: false`, from an ES module
 * and from CommonJS. Also runs both bundles, since the form of the decimal.js import that satisfies
 * the type checker must still load under Node's ESM and CJS loaders.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Not test/helpers.ts: it imports the library sources, which this test never needs.
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSC = join(ROOT, 'node_modules/typescript/bin/tsc');

let work: string;
let consumer: string;

/**
 * A strict Node consumer. No DOM lib, so the types must not lean on it; @types/node, as zod's
 * types need `URL` from it or the DOM. One program for the three files: checking the library's
 * declarations (and @types/node, with skipLibCheck off) is most of the time, and is done once.
 */
const TSCONFIG = {
  compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', lib: ['ES2022'], types: ['node'], strict: true, skipLibCheck: false, noEmit: true },
  files: ['esm.mts', 'cjs.cts', 'bad.mts'],
};

const ESM = `import { checkReport, checkReports, ConfigError, Decimal, type ConfigInput, type Diagnostic } from 'jiaohe';
import { loadSourceFile } from 'jiaohe/node';
import { loadHtml } from 'jiaohe/html';
import { loadDocx } from 'jiaohe/docx';
import { RuleTester, runRule } from 'jiaohe/testing';

const config: ConfigInput = {
  locale: 'en',
  level: 'street',
  rules: { 'percent-vs-points': 'off', 'sum-matches-total': ['warning', { reportShort: false }] },
};
const frozen = { rules: { 'sum-matches-total': ['info', { reportShort: true }] } } as const;
const found: Diagnostic[] = checkReport('受理1904件。', config).diagnostics;
const many = checkReports([{ id: 'a.txt', text: '受理3件。' }], frozen);
const sum: Decimal = new Decimal('0.1').plus('0.2');
export const used = [found, many.documents.length, sum.toFixed(1), ConfigError, loadSourceFile, loadHtml, loadDocx, RuleTester, runRule];
`;

const CJS = `import { checkReport, Decimal, type ConfigInput } from 'jiaohe';
import jiaohe = require('jiaohe');
import { loadSourceFile } from 'jiaohe/node';
import { loadHtml } from 'jiaohe/html';
import { loadDocx } from 'jiaohe/docx';

const config: ConfigInput = { locale: 'zh', rules: { 'sum-matches-total': ['error', {}] } };
const found = checkReport('受理1904件。', config).diagnostics;
const off = jiaohe.checkReport('受理1904件。', { rules: { 'sum-matches-total': 'off' } });
const third: Decimal = new Decimal(1).div(3);
export const used = [found, off.stats.totalMs, third.toSignificantDigits(3), loadSourceFile, loadHtml, loadDocx];
`;

const BAD = `import { checkReport } from 'jiaohe';
checkReport('受理1904件。', { rules: { 'sum-matches-total': 'eror' } });
`;

// Runs both bundles: the decimal.js arithmetic and a config JS callers get wrong at runtime.
const runtime = (load: string) => `${load}
const q = checkReport('受理1904件。').report.quantities[0];
let error = null;
try { checkReport('x', { rules: { 'sum-matches-total': 'eror' } }); } catch (e) { error = { name: e.name, key: e.key }; }
console.log(JSON.stringify({ value: String(q.value), isDecimal: Decimal.isDecimal(q.value), sum: new Decimal('0.1').plus('0.2').toString(), error }));
`;

function run(cmd: string, args: string[], cwd: string): { code: number | null; stdout: string; out: string } {
  // Bounded: an install or a compiler that hangs would otherwise block this worker for good.
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', timeout: 300_000, env: { ...process.env, npm_config_update_notifier: 'false' } });
  return { code: r.status, stdout: r.stdout, out: `${r.error ? `${r.error.message}\n` : ''}${r.stdout}${r.stderr}` };
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'jiaohe-consumer-'));
  const packed = run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], ROOT);
  expect(packed.code, packed.out).toBe(0);
  const tarball = join(work, (JSON.parse(packed.stdout) as Array<{ filename: string }>)[0]!.filename);
  consumer = join(work, 'consumer');
  const installed = join(consumer, 'node_modules/jiaohe');
  mkdirSync(installed, { recursive: true });
  const unpacked = run('tar', ['-xzf', tarball, '-C', installed, '--strip-components=1'], work);
  expect(unpacked.code, unpacked.out).toBe(0);

  // What an install would bring: the dependencies, the optional peers `jiaohe/testing` needs,
  // and @types/node, which any user of `jiaohe/node` has. Linked from this checkout, no network.
  const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as Record<string, Record<string, string> | undefined>;
  const needed = [...Object.keys(manifest['dependencies'] ?? {}), ...Object.keys(manifest['peerDependencies'] ?? {}), '@types/node'];
  for (const name of needed) {
    const from = join(ROOT, 'node_modules', name);
    expect(existsSync(from), `${name} is not installed in this checkout`).toBe(true);
    const to = join(consumer, 'node_modules', name);
    mkdirSync(dirname(to), { recursive: true });
    if (!existsSync(to)) symlinkSync(from, to, 'dir');
  }

  writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true }));
  writeFileSync(join(consumer, 'esm.mts'), ESM);
  writeFileSync(join(consumer, 'cjs.cts'), CJS);
  writeFileSync(join(consumer, 'bad.mts'), BAD);
  writeFileSync(join(consumer, 'tsconfig.json'), JSON.stringify(TSCONFIG));
  writeFileSync(join(consumer, 'run.mjs'), runtime(`import { checkReport, Decimal } from 'jiaohe';`));
  writeFileSync(join(consumer, 'run.cjs'), runtime(`const { checkReport, Decimal } = require('jiaohe');`));
}, 60_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the packed package in a strict NodeNext consumer', () => {
  it(
    'type-checks from ESM and CommonJS with no errors, and rejects a misspelt severity',
    () => {
      const r = run(process.execPath, [TSC, '-p', 'tsconfig.json', '--pretty', 'false'], consumer);
      expect(r.code).not.toBe(0);
      // Exactly one error, on the misspelt severity: none in the ESM or CJS consumer, none in the
      // shipped declarations or anything they import.
      const errors = r.out.split('\n').filter((l) => / error TS\d+:/.test(l));
      expect(errors, r.out).toHaveLength(1);
      expect(errors[0]).toMatch(/^bad\.mts\(2,\d+\): error TS\d+: Type '"eror"' is not assignable/);
    },
    90_000,
  );

  it.each(['run.mjs', 'run.cjs'])(
    '%s loads the bundle, computes with decimal.js and still rejects a bad config at runtime',
    (file) => {
      const r = run(process.execPath, [file], consumer);
      expect(r.code, r.out).toBe(0);
      expect(JSON.parse(r.stdout)).toEqual({
        value: '1904',
        isDecimal: true,
        sum: '0.3',
        error: { name: 'ConfigError', key: 'rules.sum-matches-total' },
      });
    },
    30_000,
  );
});
