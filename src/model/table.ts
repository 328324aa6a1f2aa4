import { z } from 'zod';
import { DecimalSchema } from './decimal.js';
import { IntervalSchema } from './quantity.js';
import { RangeSchema, SpannedTextSchema } from './range.js';

/**
 * What a table cell holds. `blank` is a cell that is there but empty ("not stated", never 0);
 * `notApplicable` is a dash or slash written in the cell; `text` is any other words.
 */
export const TableCellKindSchema = z.enum(['number', 'percent', 'blank', 'notApplicable', 'text']);
/** What a table cell holds. */
export type TableCellKind = z.infer<typeof TableCellKindSchema>;

/** The report quantity inside a cell: its value and the interval its shown precision allows. */
export const TableFigureSchema = z.object({
  /** Exact value as written (a percentage is its number: 84.97 for `84.97%`). */
  value: DecimalSchema,
  /** `%` for a share, a count unit written in the cell (件, 人 …), or null for a bare number. */
  unit: z.string().nullable(),
  /** Place value of the last digit shown. */
  step: DecimalSchema,
  /** The values the figure stands for: whole numbers only for counts, ± half a step otherwise. */
  interval: IntervalSchema,
  /** The numeral and its unit, without the cell's padding. */
  range: RangeSchema,
  /** Index in `report.quantities` of the scanned figure at the same place, when there is one. */
  quantity: z.number().int().nonnegative().nullable(),
});
/** The report quantity inside a cell. */
export type TableFigure = z.infer<typeof TableFigureSchema>;

/** One cell: its text, its kind, its figure, and where it is in the source. */
export const TableCellSchema = z.object({
  /** The cell's text, trimmed. */
  text: z.string(),
  /** The trimmed text's place; for a blank cell, the gap between its separators. */
  range: RangeSchema,
  kind: TableCellKindSchema,
  /** The figure for `number` and `percent` cells; null for every other kind. */
  figure: TableFigureSchema.nullable(),
});
/** One cell. */
export type TableCell = z.infer<typeof TableCellSchema>;

/** A row of data: its label (with the parent labels above it) and its value cells, column by column. */
export const TableRowSchema = z.object({
  /** From the first label to the last cell. */
  range: RangeSchema,
  /** The row's own label (`1.属于国家秘密`), or null for a row written without one. */
  label: SpannedTextSchema.nullable(),
  /** Parent labels first, then the row's own: `三、本年度办理结果`, `(三)不予公开`, `1.属于国家秘密`. */
  labelPath: z.array(SpannedTextSchema),
  /** A serial number written before the label (序号 column), when there is one. */
  serial: TableCellSchema.nullable(),
  /** The value cells, one per column of the table, blanks included. */
  cells: z.array(TableCellSchema),
  /** The header cell over each value cell, when the header says it (else null). */
  columnHeaders: z.array(TableCellSchema.nullable()),
  /**
   * The header labels over each value cell, top first (`申请人情况`, `法人或其他组织`, `商业企业`):
   * every level of a merged header. Empty for a column whose header is not known.
   */
  columnPaths: z.array(z.array(SpannedTextSchema)).default([]),
});
/** A row of data. */
export type TableRow = z.infer<typeof TableRowSchema>;

/** How the header was laid out, which decides whether a cell's column is known. */
export const TableHeaderLayoutSchema = z.enum([
  /** One header row names every value column in order: each cell's column header is known. */
  'aligned',
  /** Two header rows, one group spanning the lower row: the leaf columns are known, not their order. */
  'twoLevel',
  /** Header cells in an order that cannot be matched to the columns (flattened merged cells). */
  'flat',
  /** No header was found. */
  'none',
]);
/** How the header was laid out. */
export type TableHeaderLayout = z.infer<typeof TableHeaderLayoutSchema>;

/** How the table was written in the text. */
export const TableShapeSchema = z.enum([
  /** One row per line, cells between ` | `. */
  'pipeRows',
  /** One cell per line (ending in ` |`, or alone on its line), row boundaries not marked. */
  'cellPerLine',
  /** One row per line, cells separated by tabs or runs of spaces. */
  'spaced',
  /** Rows and cells given by the file's own table (HTML `<table>`, Word `w:tbl`), merged cells resolved. */
  'grid',
]);
/** How the table was written in the text. */
export type TableShape = z.infer<typeof TableShapeSchema>;

/** A table found in the text. Positions are UTF-16 offsets of the report text. */
export const TableSchema = z.object({
  /** Index in `report.tables`. */
  index: z.number().int().nonnegative(),
  /** From the first header cell (or first row) to the last cell. */
  range: RangeSchema,
  shape: TableShapeSchema,
  /** False when the columns cannot be recovered (cells dropped): no check reads such a table. */
  readable: z.boolean(),
  /** Why the table is unreadable, in English; null when it is readable. */
  unreadableReason: z.string().nullable(),
  /** Header rows, top first, each with its non-empty cells (captions included). */
  headerRows: z.array(z.array(TableCellSchema)),
  headerLayout: TableHeaderLayoutSchema,
  /** Number of value columns of every data row. */
  columnCount: z.number().int().nonnegative(),
  /** For an `aligned` header, the header cell of each value column; otherwise empty. */
  columnHeaders: z.array(TableCellSchema.nullable()),
  /** Header cells that name a total (总计, 合计, 小计, 总量), in any layout. */
  totalHeaders: z.array(TableCellSchema),
  rows: z.array(TableRowSchema),
});
/** A table found in the text. */
export type Table = z.infer<typeof TableSchema>;

/**
 * A cell of a table as a file gives it, before merged cells are resolved: where its text lies in
 * the checked text (an empty range for an empty cell), how many columns and rows it spans, and
 * whether the file marks it a header cell (`<th>`).
 */
export const SourceCellSchema = z.object({
  range: RangeSchema,
  colSpan: z.number().int().positive(),
  rowSpan: z.number().int().positive(),
  header: z.boolean(),
});
/** A cell of a table as a file gives it. */
export type SourceCell = z.infer<typeof SourceCellSchema>;

/** A table as a file gives it: rows of cells in document order, spans not yet resolved. */
export const SourceTableSchema = z.object({
  rows: z.array(z.array(SourceCellSchema)),
});
/** A table as a file gives it. */
export type SourceTable = z.infer<typeof SourceTableSchema>;
