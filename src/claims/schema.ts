import { z } from 'zod';
import { EvidenceSchema, FigureRefSchema } from '../engine/diagnostic.js';
import { RangeSchema } from '../model/range.js';

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
]);
/** Every claim jiaohe extracts and judges. */
export type Claim = z.infer<typeof ClaimSchema>;
/** The kinds of claim. */
export type ClaimKind = Claim['kind'];
/** A claim of one kind. */
export type ClaimOf<K extends ClaimKind> = Extract<Claim, { kind: K }>;
