import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { positionOf, textOf } from '../../src/index.js';
import { projectPath, seedReport } from '../helpers.js';

interface ExpectedQuantity {
  text: string;
  value: string;
  unit: string | null;
  magnitude: string | null;
  qualifiers: string[];
  qualifierKind: string;
  step: string;
  lo: string;
  hi: string;
}
interface ExpectedParagraph {
  paragraph: string;
  line: number;
  quantities: ExpectedQuantity[];
  dates: string[];
  identifiers: string[];
}

// Written by hand from the seed, independently of the parser (test/golden/README.md).
const expected = JSON.parse(
  readFileSync(projectPath('test/golden/street.quantities.json'), 'utf8'),
) as ExpectedParagraph[];

describe('every quantity of five whole paragraphs of the street seed', () => {
  const report = seedReport('street');
  for (const para of expected) {
    describe(para.paragraph, () => {
      const paragraph = report.paragraphs.find((p) => positionOf(report, p.range.start).line === para.line)!;
      const inPara = <T extends { range: { start: number } }>(xs: T[]): T[] =>
        xs.filter((x) => x.range.start >= paragraph.range.start && x.range.start < paragraph.range.end);

      it('is the paragraph the golden file names', () => {
        expect(textOf(report, paragraph.range).startsWith(para.paragraph)).toBe(true);
      });

      it('finds exactly the hand-listed quantities, in order, with value, unit and interval', () => {
        const got = inPara(report.quantities).map((q) => ({
          text: textOf(report, q.range),
          value: q.value.toString(),
          unit: q.unit,
          magnitude: q.magnitude,
          qualifiers: q.qualifiers.map((x) => x.word),
          qualifierKind: q.qualifierKind,
          step: q.step.toString(),
          lo: q.interval.lo.toString(),
          hi: q.interval.hi.toString(),
        }));
        expect(got).toEqual(para.quantities);
      });

      it('recognises the dates and identifiers instead of counting them', () => {
        expect(inPara(report.dates).map((d) => textOf(report, d.range))).toEqual(para.dates);
        const ids = inPara(report.identifiers).map((d) => textOf(report, d.range));
        for (const id of para.identifiers) expect(ids.some((t) => t.startsWith(id))).toBe(true);
        // Nothing in these paragraphs is an identifier that the reader did not list.
        expect(ids).toHaveLength(para.identifiers.length);
      });
    });
  }
});
