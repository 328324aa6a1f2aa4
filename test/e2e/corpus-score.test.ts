/**
 * The gate on real text: the shared scorer run against the built package on ../shared/corpus
 * (real report excerpts nobody here wrote, every checkable claim annotated). It fails when
 * recall, cover, false alarms or unexplained findings fall past test/corpus-gate.json.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { projectPath } from '../helpers.js';

const SCORER = projectPath('../shared/tools/score-corpus.mjs');
const GATE = JSON.parse(readFileSync(projectPath('test/corpus-gate.json'), 'utf8')) as {
  minRecall: number;
  minCover: number;
  maxAlarms: number;
  maxUnexplained: number;
};

describe('the real-text corpus', () => {
  it('is beside the project', () => {
    expect(existsSync(SCORER), `${SCORER} is missing: clone the project beside ../shared`).toBe(true);
  });

  it('scores at or above the gate', () => {
    const r = spawnSync(process.execPath, [SCORER, '--json'], {
      cwd: projectPath(''),
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      timeout: 300_000,
      env: {
        ...process.env,
        MIN_RECALL: String(GATE.minRecall),
        MIN_COVER: String(GATE.minCover),
        MAX_ALARMS: String(GATE.maxAlarms),
        MAX_UNEXPLAINED: String(GATE.maxUnexplained),
      },
    });
    expect(r.error, 'the scorer did not finish').toBeUndefined();
    const json = r.stdout.slice(0, r.stdout.lastIndexOf('\ncaught '));
    const { summary, missed, alarms, unexplained, crashes } = JSON.parse(json) as {
      summary: { fails: number; caught: number; holds: number; covered: number; alarms: number; unexplained: number; crashes: number };
      missed: string[];
      alarms: string[];
      unexplained: string[];
      crashes: string[];
    };
    // Each list printed in full when it fails, so the gate says what regressed.
    expect(crashes).toEqual([]);
    expect(alarms.length, alarms.join('\n')).toBeLessThanOrEqual(GATE.maxAlarms);
    expect(unexplained.length, unexplained.join('\n')).toBeLessThanOrEqual(GATE.maxUnexplained);
    expect(summary.caught / summary.fails, missed.join('\n')).toBeGreaterThanOrEqual(GATE.minRecall);
    expect(summary.covered / summary.holds).toBeGreaterThanOrEqual(GATE.minCover);
    expect(r.status).toBe(0);
  });
});
