import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkReport, parseReport } from '../index.js';
import { extractFacts } from '../cross/facts.js';
import { projectPath, seedText } from '../../test/helpers.js';

describe('CheckResult: the model held weakly', () => {
  it('gives the same report and context on repeated reads in one job, the context on that report', () => {
    const r = checkReport(seedText('street'));
    const report = r.report;
    expect(r.report).toBe(report);
    expect(r.context).toBe(r.context);
    expect(r.context.report).toBe(report);
  });

  it('holds a Report the caller passed: the very object, always', () => {
    const given = parseReport(seedText('street'));
    const r = checkReport(given);
    expect(r.report).toBe(given);
    expect(r.context.report).toBe(given);
  });

  it('keeps the model out of JSON, keys and spreads: kind, diagnostics, claims and stats only', () => {
    const r = checkReport(seedText('street'));
    expect(r.report.text.length).toBeGreaterThan(0);
    expect(Object.keys(r)).toEqual(['kind', 'diagnostics', 'claims', 'stats']);
    const json = JSON.parse(JSON.stringify(r)) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(['kind', 'diagnostics', 'claims', 'stats']);
    expect(Object.keys({ ...r })).not.toContain('report');
    // Diagnostics stay writable (the plugin worker replaces them).
    r.diagnostics = [];
    expect(r.diagnostics).toEqual([]);
  });

  describe('in a process that can force a collection', () => {
    let work = '';
    beforeAll(async () => {
      work = mkdtempSync(join(tmpdir(), 'jiaohe-result-'));
      // The sources bundled, so a plain node child with --expose-gc can run them.
      await build({ entryPoints: [projectPath('src/index.ts')], bundle: true, platform: 'neutral', format: 'esm', outfile: join(work, 'index.mjs'), logLevel: 'silent' });
    });
    afterAll(() => rmSync(work, { recursive: true, force: true }));

    /** Runs `body` (an async module body with `lib`, `text`, `turn`, `check` in scope) under --expose-gc; its stdout parsed as JSON. */
    const run = (body: string): Record<string, unknown> => {
      const file = join(work, `case-${Math.random().toString(36).slice(2)}.mjs`);
      writeFileSync(
        file,
        [
          "import * as lib from './index.mjs';",
          "import { readFileSync } from 'node:fs';",
          `const text = readFileSync(${JSON.stringify(projectPath('seeds/2020-baiyun-shimen-street.txt'))}, 'utf8');`,
          'const turn = () => new Promise((resolve) => setTimeout(resolve, 0));',
          'const out = {};',
          body,
          'console.log(JSON.stringify(out));',
        ].join('\n'),
      );
      const child = spawnSync(process.execPath, ['--expose-gc', file], { encoding: 'utf8', timeout: 60_000 });
      expect(child.stderr).toBe('');
      return JSON.parse(child.stdout) as Record<string, unknown>;
    };

    it('rebuilds an equal report and a working context once the model is collected, and keeps the same one while it is held', () => {
      const out = run(`
        const r = lib.checkReport(text);
        const held = lib.checkReport(text);
        const heldReport = held.report;
        const seen = new WeakRef(r.report);
        await turn();
        gc();
        out.collected = seen.deref() === undefined;
        out.heldSame = held.report === heldReport && held.context.report === heldReport;
        const again = r.report;
        const fresh = lib.parseReport(text);
        out.sameText = again.text === text;
        out.equalQuantities = JSON.stringify(again.quantities) === JSON.stringify(fresh.quantities);
        out.equalModel = JSON.stringify(again) === JSON.stringify(fresh);
        out.contextOnIt = r.context.report === again;
        out.factsAlike = JSON.stringify(lib.extractFacts(r.context, r.claims)) === JSON.stringify(lib.extractFacts(held.context, held.claims));
        out.figures = r.context.figures.length === held.context.figures.length;
      `);
      expect(out).toEqual({ collected: true, heldSame: true, sameText: true, equalQuantities: true, equalModel: true, contextOnIt: true, factsAlike: true, figures: true });
    }, 60_000);

    it('retains at most 4 KB of heap per KB of text for N results kept (issue 12)', () => {
      const out = run(`
        lib.checkReport(text);
        const N = 30;
        const keep = [];
        await turn();
        gc();
        const before = process.memoryUsage().heapUsed;
        for (let i = 0; i < N; i++) keep.push(lib.checkReport((' ' + text).slice(1)));
        // Read once, as a formatter would, then given back to the event loop.
        for (const r of keep) if (r.report.text.length !== text.length) throw new Error('wrong report');
        // Two turns and two collections: a loaded machine can leave weak targets for the second.
        await turn();
        gc();
        await turn();
        gc();
        out.perKb = ((process.memoryUsage().heapUsed - before) / N - text.length * 2) / Buffer.byteLength(text);
        out.kept = keep.length;
      `);
      expect(out.kept).toBe(30);
      expect(out.perKb as number).toBeLessThanOrEqual(4);
    }, 60_000);
  });

  it('serves cross-document facts from the context as before', () => {
    const r = checkReport(seedText('street'));
    expect(extractFacts(r.context, r.claims).length).toBeGreaterThan(0);
  });
});
