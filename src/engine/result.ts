import type { ReportContext } from '../claims/context.js';
import { extractClaims } from '../claims/index.js';
import type { Lexicon } from '../claims/lexicon.js';
import type { Claim } from '../claims/schema.js';
import type { Report } from '../model/report.js';
import { parseReport, type ParseOptions } from '../parse/parse-report.js';
import type { CheckedKind, CheckResult, CheckStats } from './check.js';
import type { Diagnostic } from './diagnostic.js';

/** How a result's model was made, so that it can be made again. */
export interface ModelRecipe {
  /** The caller's text; null when they passed a `Report`. */
  text: string | null;
  /** The caller's own `Report`, held strongly: it is theirs, and cannot be made again. */
  given: Report | null;
  parse: ParseOptions;
  lexicon: Lexicon;
}

/**
 * The model behind a result. A parsed report and its figure context weigh about ten times the
 * text (issue 12 wants ≤ 4 KB retained per KB), and most callers read only the findings, so a
 * result does not keep them: it holds them strongly only until the next check or the end of the
 * current job, and weakly once read. Read, they stay the same objects while anything holds them
 * (and always within the job that read them, as WeakRef guarantees); once collected, they are
 * made again from the text with the same options and lexicon, an equal model since parsing is
 * deterministic. No WeakRef is made until a result is read: each one pins its target until the end
 * of the job, so a loop of checks that drops its results would otherwise keep every model alive.
 * A live context holds its report, so the context held is always the one of the report held.
 */
class Model {
  #held: { report: Report; context: ReportContext } | null;
  #report: WeakRef<Report> | null = null;
  #context: WeakRef<ReportContext> | null = null;
  readonly #recipe: ModelRecipe;

  constructor(report: Report, context: ReportContext, recipe: ModelRecipe) {
    this.#held = { report, context };
    this.#recipe = recipe;
  }

  /** Lets go of the model unless it has been read (then the weak references keep it while it is held). */
  release(): void {
    this.#held = null;
  }

  /** On the first read, the model held turns into weak references. */
  #weaken(): void {
    const held = this.#held;
    if (!held) return;
    this.#held = null;
    if (!this.#recipe.given) this.#report = new WeakRef(held.report);
    this.#context = new WeakRef(held.context);
  }

  report(): Report {
    const recipe = this.#recipe;
    if (recipe.given) return recipe.given;
    this.#weaken();
    let report = this.#report?.deref();
    if (!report) {
      report = parseReport(recipe.text ?? '', recipe.parse);
      this.#report = new WeakRef(report);
    }
    return report;
  }

  context(): ReportContext {
    this.#weaken();
    let context = this.#context?.deref();
    if (!context) {
      context = extractClaims(this.report(), this.#recipe.lexicon).context;
      this.#context = new WeakRef(context);
    }
    return context;
  }
}

/** The model of the latest check, held until the next check or the end of the job. */
let latest: Model | null = null;
let releaseQueued = false;

/** Makes `model` the latest: the one before it is let go now, this one at the end of the job. */
function holdUntilNextCheck(model: Model): void {
  latest?.release();
  latest = model;
  if (releaseQueued || typeof queueMicrotask !== 'function') return;
  releaseQueued = true;
  queueMicrotask(() => {
    releaseQueued = false;
    latest?.release();
    latest = null;
  });
}

/**
 * What `checkReport` returns: kind, findings, claims and stats as plain data (own, enumerable,
 * in JSON), and `report` and `context` as getters on the prototype, left out of JSON and spreads.
 */
class Result implements CheckResult {
  // Assigned in this order, the order of keys in JSON.
  kind: CheckedKind;
  diagnostics: Diagnostic[];
  claims: Claim[];
  stats: CheckStats;
  readonly #model: Model;

  constructor(kind: CheckedKind, diagnostics: Diagnostic[], claims: Claim[], stats: CheckStats, model: Model) {
    this.kind = kind;
    this.diagnostics = diagnostics;
    this.claims = claims;
    this.stats = stats;
    this.#model = model;
  }

  /** The parsed report: the one checked while anything holds it, else parsed again from the text. */
  get report(): Report {
    return this.#model.report();
  }

  /** The figure context the claims were read with, on `report`. */
  get context(): ReportContext {
    return this.#model.context();
  }
}

/** A check result whose report and context are held as `Model` says (a `Report` the caller gave, strongly). */
export function checkResult(kind: CheckedKind, diagnostics: Diagnostic[], claims: Claim[], stats: CheckStats, report: Report, context: ReportContext, recipe: ModelRecipe): CheckResult {
  const model = new Model(report, context, recipe);
  holdUntilNextCheck(model);
  return new Result(kind, diagnostics, claims, stats, model);
}
