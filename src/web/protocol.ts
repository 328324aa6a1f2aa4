/**
 * What the page and its checking worker say to each other. Everything here crosses
 * `postMessage`, so it is plain data only: structured clone throws a DataCloneError on a
 * decimal.js value (each carries its constructor, a function, as an own property) and would lose
 * any other class's prototype. So the worker sends what the page shows, made of strings and
 * numbers, and keeps the checked documents themselves for the downloads it makes.
 */
import type { Range } from '../model/range.js';
import type { Severity } from '../engine/diagnostic.js';
import type { Locale } from '../engine/messages.js';
import type { SourceFormat } from '../io/source.js';

/** A rule's setting as the page stores it: `default` leaves the rule as the preset has it. */
export type RuleChoice = 'default' | 'off' | Severity;

/** The settings a check runs with (stored in localStorage by the page). */
export interface WebSettings {
  locale: Locale;
  /** Rule id → severity, only the rules the user changed. */
  rules: Record<string, Exclude<RuleChoice, 'default'>>;
  /** A built-in document kind's id, or '' to detect it. */
  profile: string;
}

/** One chosen file. */
export interface WebFile {
  name: string;
  bytes: Uint8Array;
}

/** Page → worker. */
export type ToWorker =
  | { type: 'check'; run: number; files: WebFile[]; settings: WebSettings; pdfSource?: string }
  | { type: 'export'; request: number; what: 'html' | 'csv' | 'docx'; path?: string; date: string };

/** A rule as the settings and the finding card show it. */
export interface RuleInfo {
  id: string;
  scope: 'document' | 'cross-document';
  defaultSeverity: Severity;
  description: Record<Locale, string>;
}

/** A built-in document kind. */
export interface KindInfo {
  id: string;
  name: Record<Locale, string>;
}

/** A place to highlight besides a finding's own text: a related figure or one its evidence used. */
export interface WebMark {
  /** In the shown text of `document` (the finding's own document when absent). */
  range: Range;
  document?: string;
  /** What the figure was in the computation (分子, 分母, 数量 …), when known. */
  label: string;
  /** The line the card lists for it (`分子: 1742件 (11:58)`). */
  text: string;
}

/** One finding, ready to show. */
export interface WebFinding {
  severity: Severity;
  ruleId: string;
  /** 位置 as the file counts it (`30:282`, `第3段`, `第2页第5行`). */
  place: string;
  /** 问题, 依据, 建议 (`findingParts`). */
  problem: string;
  basis: string;
  suggestion: string | null;
  /** In the shown text. */
  range: Range;
  marks: WebMark[];
  /** Regulations the message names (《…》 with its document number and article). */
  regulations: string[];
  fingerprint: string;
}

/** A claim that was verified (核验通过), ready to show. */
export interface WebClaim {
  kind: string;
  range: Range;
  place: string;
  /** The stated figure as written. */
  text: string;
  /** The computation (`1742+162 = 1904`), when the evidence gives one. */
  expression: string;
  /** The rate's name, the metric, the subject …: what the claim is about, when the claim says. */
  about: string;
  figures: Array<{ range: Range; text: string; role: string }>;
}

/** A heading of the outline, in the shown text. */
export interface WebHeading {
  marker: string;
  heading: string;
  level: number;
  depth: number;
  start: number;
  end: number;
  /** Body text follows the heading on its line. */
  inline: boolean;
}

/** One checked document, ready to show. */
export interface WebDoc {
  path: string;
  format: SourceFormat | undefined;
  /** What it was checked as (`法治政府建设年度报告(街道)`), or ''. */
  kind: string;
  year: number | null;
  /**
   * The text shown, which every range here is in: the checked text (for a web page its report
   * text rather than its markup, for a PDF with wrapped lines joined), as `result.diagnostics`
   * gives positions in it. Places (`place`) are still said in the file's own terms.
   */
  text: string;
  outline: WebHeading[];
  /** Paragraphs that are not body text (title, headings, signature …), by where they start. */
  roles: Array<{ start: number; role: string }>;
  findings: WebFinding[];
  verified: WebClaim[];
  counts: { errors: number; warnings: number; infos: number; holds: number; fails: number; unverifiable: number };
}

/** Worker → page. */
export type FromWorker =
  | { type: 'ready'; version: string; rules: RuleInfo[]; kinds: KindInfo[] }
  | { type: 'progress'; run: number; phase: 'read' | 'check'; done: number; total: number }
  | { type: 'result'; run: number; docs: WebDoc[]; unreadable: Array<{ name: string; message: string }>; summary: string; ms: number }
  | { type: 'exported'; request: number; name: string; mime: string; data: string | Uint8Array }
  | { type: 'failed'; run?: number; request?: number; message: string };
