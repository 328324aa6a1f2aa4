import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { positionOf, type Section } from '../../src/index.js';
import { projectPath, seedReport } from '../helpers.js';

interface OutlineNode {
  level: number;
  marker: string;
  number: number;
  heading: string;
  line: number;
  children: OutlineNode[];
}

function load(name: string): OutlineNode[] {
  return JSON.parse(readFileSync(projectPath(`test/golden/${name}.outline.json`), 'utf8')) as OutlineNode[];
}

describe.each(['street', 'district'] as const)('outline of the %s seed', (name) => {
  const report = seedReport(name);
  const toNode = (s: Section): OutlineNode => ({
    level: s.level,
    marker: s.marker.kind,
    number: s.marker.number,
    heading: s.heading,
    line: positionOf(report, s.range.start).line,
    children: s.children.map(toNode),
  });

  it('matches the hand-written outline, heading by heading', () => {
    // The expected tree was written by reading the seed (see test/golden/README.md).
    expect(report.sections.map(toNode)).toEqual(load(name));
  });

  it('points every heading range at its text in the input', () => {
    const walk = (list: Section[]): void => {
      for (const s of list) {
        expect(report.text.slice(s.headingRange.start, s.headingRange.end)).toBe(s.heading);
        expect(report.text.slice(s.marker.range.start, s.marker.range.end)).toBe(s.marker.text);
        walk(s.children);
      }
    };
    walk(report.sections);
  });
});

describe('section ranges', () => {
  it('nest inside their parents and do not overlap their siblings', () => {
    const report = seedReport('street');
    const walk = (list: Section[], parent: Section | null): void => {
      for (let i = 0; i < list.length; i++) {
        const s = list[i]!;
        if (parent) {
          expect(s.range.start).toBeGreaterThanOrEqual(parent.range.start);
          expect(s.range.end).toBeLessThanOrEqual(parent.range.end);
        }
        if (i > 0) expect(s.range.start).toBeGreaterThanOrEqual(list[i - 1]!.range.end);
        walk(s.children, s);
      }
    };
    walk(report.sections, null);
  });

  it('ends the last section before the signature block', () => {
    const report = seedReport('street');
    const last = report.sections[report.sections.length - 1]!;
    const sig = report.paragraphs.filter((p) => p.role === 'signature');
    expect(sig).toHaveLength(2);
    expect(last.range.end).toBeLessThanOrEqual(sig[0]!.range.start);
  });
});
