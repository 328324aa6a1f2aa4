import { z } from 'zod';
import { EvidenceSchema, FigureRefSchema } from '../engine/diagnostic.js';
import { RangeSchema, SpannedTextSchema } from '../model/range.js';

/** Whether a claim is borne out by the figures. */
export const VerdictSchema = z.enum(['holds', 'fails', 'unverifiable']);
/** Whether a claim is borne out by the figures. */
export type Verdict = z.infer<typeof VerdictSchema>;

const base = {
  /** Stable index within the check result. */
  id: z.number().int().nonnegative(),
  /** The stated figure the claim judges. */
  range: RangeSchema,
  /** Ranges of every figure used. */
  figures: z.array(FigureRefSchema),
  verdict: VerdictSchema,
  evidence: EvidenceSchema,
  /** Why the verdict is what it is, in English (messages for users come from rules). */
  reason: z.string(),
};

/** Parts listed after 其中/分别/包括 against their total. */
export const BreakdownClaimSchema = z.object({
  kind: z.literal('breakdown'),
  ...base,
  /** `exhaustive` (其中, 分别): parts sum to the total; `partial` (包括…等): they cannot exceed it. */
  mode: z.enum(['exhaustive', 'partial']),
  /** For a failing exhaustive breakdown: the parts exceed the total, or fall short of it. */
  failure: z.enum(['exceeds', 'short']).nullable(),
  /** The list is known to be complete (it names an 其他 category, or its shares make 100%), so falling short is an error. */
  closed: z.boolean(),
  /** A part whose label excludes the total's own qualifier (无效类 among 有效 letters), or null. */
  conflict: z.object({ qualifier: z.string(), opposite: z.string(), part: RangeSchema }).nullable(),
});

/** A total split into done and pending (已结案 + 在办 = 总数). */
export const PartitionClaimSchema = z.object({ kind: z.literal('partition'), ...base });

/** A stated rate and the counts it could be computed from. */
export const RateClaimSchema = z.object({
  kind: z.literal('rate'),
  ...base,
  /** The rate's name as written: 办结率, 上报率 … */
  name: z.string(),
  /** Whether the rate's numerator is a subset of its base, so it cannot pass 100%. */
  bounded: z.boolean(),
  /** The stated rate matches the counts only when truncated, not rounded. */
  truncated: z.boolean(),
  /** The correctly rounded rate, when the counts fit another value. */
  suggestion: z.string().nullable(),
  /** The base used: the stated due count (应办结) or a total received; null when none. */
  baseKind: z.enum(['due', 'total']).nullable(),
  /** The stated rate is above the computed one (items not yet due could explain it). */
  overstated: z.boolean(),
  /** The base the text names fails, but another count in the text fits: the writer must say which. */
  ambiguous: z.boolean(),
});

/** A list of named items followed by their count (《A》、《B》等专题培训2次). */
export const CountedListClaimSchema = z.object({
  kind: z.literal('countedList'),
  ...base,
  items: z.array(z.object({ text: z.string(), range: RangeSchema })),
  /** 等 after the list: the list may name fewer items than the count. */
  open: z.boolean(),
});

/** The same metric stated twice. */
export const RestatementClaimSchema = z.object({
  kind: z.literal('restatement'),
  ...base,
  metric: z.string(),
});

/** A statement that something is zero, and any count of the same thing elsewhere. */
export const ZeroClaimSchema = z.object({
  kind: z.literal('zeroClaim'),
  ...base,
  subject: z.string(),
  metric: z.string().nullable(),
});

/** A part that must not exceed its whole (积分入学 ≤ 积分申请). */
export const SubsetClaimSchema = z.object({ kind: z.literal('subset'), ...base });

/** A count with a growth rate, which implies a whole-number prior value. */
export const GrowthClaimSchema = z.object({
  kind: z.literal('growth'),
  ...base,
  direction: z.enum(['up', 'down']),
  /** The growth phrase as written: 同比增长, 较上年下降 … */
  phrase: z.string(),
  /** The whole-number prior values that fit, when any. */
  priors: z.array(z.string()),
  /** The range the prior value must lie in, as decimals (four places). */
  priorRange: z.object({ lo: z.string(), hi: z.string() }).nullable(),
  /** The prior as written when the text states it (由上年的53家增至61家). */
  statedPrior: z.string().nullable(),
  /** The rate computed from a stated prior, e.g. 15.09%. */
  computedRate: z.string().nullable(),
});

/** A change in a rate written as % where 个百分点 is meant. */
export const PointsClaimSchema = z.object({
  kind: z.literal('pointsChange'),
  ...base,
  /** Whether two stated rates confirm the change is a difference of percentages. */
  confirmed: z.boolean(),
  /** How the change was written: in % (a notation slip) or in 个百分点 (checked as a difference). */
  written: z.enum(['percent', 'points']),
});

/** A total cell of a table against the sum of its member cells (a row's 总计 column, a 合计 row). */
export const TableTotalClaimSchema = z.object({
  kind: z.literal('tableTotal'),
  ...base,
  /** Index of the table in `report.tables`. */
  table: z.number().int().nonnegative(),
  /** `row`: a total column summing cells of its row; `column`: a total row summing cells above it. */
  direction: z.enum(['row', 'column']),
  /** The label of the row the total is in. */
  label: SpannedTextSchema.nullable(),
  /** The header cell or row label that names the total (总计, 合计 …). */
  totalName: SpannedTextSchema.nullable(),
  /**
   * Where the total's column was taken to be: `known` from an aligned header or the label order,
   * `totalLast` / `totalFirst` when the header order was lost and that layout was tried.
   */
  layout: z.enum(['known', 'totalLast', 'totalFirst']),
  /** Member cells left blank or marked not applicable: they make the claim unassessable. */
  blanks: z.number().int().nonnegative(),
  /** For a failing total: the members add up to more, or to less. */
  failure: z.enum(['exceeds', 'short']).nullable(),
});

/** A share cell (`84.97%`) right after its count cell, against the count over the base it can have. */
export const TableShareClaimSchema = z.object({
  kind: z.literal('tableShare'),
  ...base,
  /** Index of the table in `report.tables`. */
  table: z.number().int().nonnegative(),
  /** The label of the row the share is in. */
  label: SpannedTextSchema.nullable(),
  /**
   * The base that fitted or was judged against: the column's total row, the row's total column,
   * a table-level total (受理总量), or the sum of the count column; null when no base was found.
   */
  baseKind: z.enum(['columnTotal', 'rowTotal', 'tableTotal', 'columnSum']).nullable(),
  /** The share matches its base only when truncated, not rounded. */
  truncated: z.boolean(),
  /** The correctly rounded share, for a failing claim. */
  suggestion: z.string().nullable(),
});

/**
 * An identity a document kind declares for one of its tables, in one value column: the rows on
 * its left add up to the rows on its right (一 + 二 = (七)总计 + 四 in a 政府信息公开 table 三).
 */
export const TableIdentityClaimSchema = z.object({
  kind: z.literal('tableIdentity'),
  ...base,
  /** Index of the table in `report.tables`. */
  table: z.number().int().nonnegative(),
  /** The kind's id for the table and the identity (`applications`, `carried-balance`). */
  tableId: z.string(),
  identity: z.string(),
  /** The identity's name as the kind states it, in Chinese and English. */
  name: z.object({ zh: z.string(), en: z.string() }),
  /** `strict`: the format requires it; `typical`: it usually holds. */
  status: z.enum(['strict', 'typical']),
  /** The header of the column, when the table names it. */
  column: SpannedTextSchema.nullable(),
  /** Cells on either side left blank or not stated: they make the claim unassessable. */
  blanks: z.number().int().nonnegative(),
});

/**
 * A figure in the text that restates a table (行政许可信息76条 against the 行政许可 row, 受理依申请公开
 * 12件 against 本年新收): the readings of the rows it may stand for, compared with rounding intervals.
 */
export const TableRestatementClaimSchema = z.object({
  kind: z.literal('tableRestatement'),
  ...base,
  /** Index of the table in `report.tables`. */
  table: z.number().int().nonnegative(),
  /** The words of the text that name the rows (the row's own label, or the kind's phrase). */
  words: z.string(),
  /** The rows of each reading tried, by their labels. */
  readings: z.array(z.array(z.string())),
  /** The rows of the reading shown (the one that fits, else the first stated), by their labels. */
  rows: z.array(z.string()),
});

/** Every claim jiaohe extracts and judges. */
export const ClaimSchema = z.discriminatedUnion('kind', [
  BreakdownClaimSchema,
  PartitionClaimSchema,
  RateClaimSchema,
  CountedListClaimSchema,
  RestatementClaimSchema,
  ZeroClaimSchema,
  SubsetClaimSchema,
  GrowthClaimSchema,
  PointsClaimSchema,
  TableTotalClaimSchema,
  TableShareClaimSchema,
  TableIdentityClaimSchema,
  TableRestatementClaimSchema,
]);
/** Every claim jiaohe extracts and judges. */
export type Claim = z.infer<typeof ClaimSchema>;
/** The kinds of claim. */
export type ClaimKind = Claim['kind'];
/** A claim of one kind. */
export type ClaimOf<K extends ClaimKind> = Extract<Claim, { kind: K }>;
