import { describe, expect, it } from 'vitest';
import { figureInterval } from '../../arithmetic/interval.js';
import { QuantitySchema } from '../../model/quantity.js';
import { readFileSync } from 'node:fs';
import { checkReport } from '../../builtin.js';
import { parseReport } from '../parse-report.js';
import { LazyQuantity } from './lazy-quantity.js';

const figure = (text: string, i = 0) => parseReport(text).quantities[i]!;

describe('figures made on first use', () => {
  it('reads as a plain quantity: value, step and interval as a hand-built one would have them', () => {
    const q = figure('受理案件约1.2万件。');
    // 约1.2万: 12000, step 1000 (the last digit shown), ±1000 for 约 at the last non-zero place.
    expect(q.value.toString()).toBe('12000');
    expect(q.step.toString()).toBe('1000');
    expect([q.interval.lo.toString(), q.interval.hi.toString()]).toEqual(['11000', '13000']);
    // zod reads the getters: the figure validates as a Quantity.
    expect(QuantitySchema.safeParse(q).success).toBe(true);
  });

  it('writes every field to JSON, getters included', () => {
    const json = JSON.parse(JSON.stringify(figure('办结98件。')));
    expect(json.value).toBe('98');
    expect(json.step).toBe('1');
    expect(json.interval).toEqual({ lo: '97.5', hi: '98.5' });
    expect(json.unit).toBe('件');
  });

  it('gives the same decimal each time it is asked (made once)', () => {
    const q = figure('办结98件。');
    expect(q.value).toBe(q.value);
    expect(q.interval).toBe(q.interval);
  });

  it('spans both ends of a range figure, and its count hull does too', () => {
    const q = figure('组织学法3至5次。');
    expect(q.to?.value.toString()).toBe('5');
    expect([q.interval.lo.toString(), q.interval.hi.toString()]).toEqual(['2.5', '5.5']);
    const hull = figureInterval(q);
    expect([hull.lo.toString(), hull.hi.toString()]).toEqual(['3', '5']);
  });

  it('keeps the hull of an exact whole count at the count itself', () => {
    const hull = figureInterval(figure('办结98件。'));
    expect([hull.lo.toString(), hull.hi.toString()]).toEqual(['98', '98']);
    // A rounded count in 万 is not a point: 2万件 is 15000…25000.
    const wide = figureInterval(figure('办结2万件。'));
    expect([wide.lo.toString(), wide.hi.toString()]).toEqual(['15000', '25000']);
  });
});

describe('decimals are made only for figures a claim uses', () => {
  it('makes none while parsing the street seed, and for a minority of its figures while checking it', () => {
    const text = readFileSync(new URL('../../../seeds/2020-baiyun-shimen-street.txt', import.meta.url), 'utf8');
    const before = LazyQuantity.made;
    const report = parseReport(text);
    expect(LazyQuantity.made - before).toBe(0);
    checkReport(report);
    const made = LazyQuantity.made - before;
    expect(made).toBeGreaterThan(0);
    // 152 figures; the claims use about a third of them (54 when this was written).
    expect(made).toBeLessThan(report.quantities.length * 0.4);
  });
});
