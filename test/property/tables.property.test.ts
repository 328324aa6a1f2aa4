/**
 * Properties of the table rules on random tables pasted as ` | ` rows: a balanced table (every
 * row's 合计 column and the 合计 row add up) gives no finding; moving one member cell breaks
 * exactly the two totals that contain it (its row's and its column's), each found on its total
 * cell. Generated reports have no tables yet, so these stand for the table rules' mutation
 * properties in rules.property.test.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkReport } from '../../src/builtin.js';

const RUNS = Number(process.env.JIAOHE_PROP_RUNS ?? 100);
const SEED = 20210926;

interface Grid {
  rows: number[][];
}

const gridArbitrary: fc.Arbitrary<Grid> = fc
  .record({ width: fc.integer({ min: 2, max: 5 }), height: fc.integer({ min: 2, max: 6 }) })
  .chain(({ width, height }) => fc.array(fc.array(fc.integer({ min: 0, max: 999 }), { minLength: width, maxLength: width }), { minLength: height, maxLength: height }))
  .map((rows) => ({ rows }));

const LABELS = ['甲街道', '乙街道', '丙街道', '丁街道', '戊街道', '己街道'];
const COLUMNS = ['电话', '网络', '来信', '来访', '其他'];

/** The table as text, with a 合计 column and a 合计 row computed from the cells; `bump` moves one cell. */
function render(grid: Grid, bump?: { r: number; c: number; by: number }): { text: string; total: (row: number | 'all', col: number | 'all') => string } {
  const rows = grid.rows.map((r) => r.slice());
  const width = rows[0]!.length;
  const rowSums = rows.map((r) => r.reduce((a, b) => a + b, 0));
  const colSums = Array.from({ length: width }, (_, c) => rows.reduce((a, r) => a + r[c]!, 0));
  const grand = rowSums.reduce((a, b) => a + b, 0);
  if (bump) rows[bump.r]![bump.c]! += bump.by;
  const lines = [
    '各街道受理情况如下表:',
    `单位 | ${COLUMNS.slice(0, width).join(' | ')} | 合计 |`,
    ...rows.map((r, i) => `${LABELS[i]} | ${r.join(' | ')} | ${rowSums[i]} |`),
    `合计 | ${colSums.join(' | ')} | ${grand} |`,
    '以上数据截至年底。',
  ];
  const text = lines.join('\n');
  return {
    text,
    total: (row, col) => {
      const line = row === 'all' ? lines.length - 2 : row + 2;
      const cells = lines[line]!.split(' | ');
      return `${line}:${cells[col === 'all' ? width + 1 : col + 1]!.replace(' |', '')}`;
    },
  };
}

/** Table findings as `line:cell text`, in order. */
function findings(text: string): string[] {
  const lines = text.split('\n');
  const starts = lines.map((_, i) => lines.slice(0, i).join('\n').length + (i > 0 ? 1 : 0));
  return checkReport(text)
    .diagnostics.filter((d) => d.ruleId.startsWith('table-'))
    .map((d) => {
      let line = 0;
      while (line + 1 < starts.length && starts[line + 1]! <= d.range.start) line++;
      return `${line}:${text.slice(d.range.start, d.range.end)}`;
    });
}

describe('table rules on random tables', () => {
  it('find nothing in a balanced table', () => {
    fc.assert(
      fc.property(gridArbitrary, (grid) => {
        expect(findings(render(grid).text)).toEqual([]);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it('find exactly the row total and the column total of a moved cell, on those total cells', () => {
    const moved = gridArbitrary.chain((grid) =>
      fc.record({
        grid: fc.constant(grid),
        r: fc.integer({ min: 0, max: grid.rows.length - 1 }),
        c: fc.integer({ min: 0, max: grid.rows[0]!.length - 1 }),
        by: fc.integer({ min: 1, max: 50 }),
      }),
    );
    fc.assert(
      fc.property(moved, ({ grid, r, c, by }) => {
        const { text, total } = render(grid, { r, c, by });
        // The moved cell's row total (same line, 合计 column) and column total (合计 row, same column).
        expect(findings(text)).toEqual([total(r, 'all'), total('all', c)]);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });
});
