/**
 * Output formats as a registry: each is `{ name, format }`, built in or loaded from a file the
 * user names (`--format ./my-formatter.mjs`). A format's module is imported only when it is
 * asked for. Browser-safe.
 */
import type { CrossComparison } from '../cross/rule.js';
import type { Link, Unplaced } from '../cross/link.js';
import type { Locale } from '../engine/messages.js';
import type { RuleMeta } from '../engine/rule.js';
import type { CheckedDocument } from './document.js';

/** Everything a run knows besides its documents, for a formatter to use or ignore. */
export interface FormatContext {
  locale: Locale;
  toolVersion: string;
  /** The working directory outputs make paths relative to (SARIF), if known. */
  cwd?: string;
  /** Whether the output goes to a terminal that shows colour. */
  color: boolean;
  /** Every rule the run had (built-in and plugin), for outputs that describe rules. */
  rules: ReadonlyArray<{ meta: Pick<RuleMeta, 'id' | 'type' | 'docs' | 'defaultSeverity' | 'messages'> }>;
  /** Streets linked to their districts, reports that could not be placed, and cross-document comparisons. */
  links: readonly Link[];
  unplaced: readonly Unplaced[];
  comparisons: readonly CrossComparison[];
  /** Inputs that could not be read, each with the message said for it. */
  unreadable: ReadonlyArray<{ path: string; message: string }>;
}

/** An output format: a name and a function from the checked documents to the output's text. */
export interface Formatter {
  name: string;
  /** One line saying what the output is for. */
  description?: string;
  /** The file extension an output of this format is saved under (`.sarif`), for tools that save one. */
  extension?: string;
  format(docs: readonly CheckedDocument[], context: FormatContext): string | Promise<string>;
}

/** Declares a formatter (typed identity, for formatter files written in TypeScript or checked JS). */
export function defineFormatter(formatter: Formatter): Formatter {
  return formatter;
}

/** The built-in output formats, each imported when used. */
export const BUILTIN_FORMATTERS: ReadonlyMap<string, () => Promise<Formatter>> = new Map<string, () => Promise<Formatter>>([
  [
    'stylish',
    async () => {
      const { formatStylish } = await import('./stylish.js');
      return { name: 'stylish', description: 'findings with code frames, for a terminal', extension: '.txt', format: (docs, c) => `${formatStylish(docs, { color: c.color, locale: c.locale })}\n` };
    },
  ],
  [
    'json',
    async () => {
      const { formatJson } = await import('./json.js');
      return {
        name: 'json',
        description: 'every document, finding and claim as JSON (schema: CheckOutputSchema)',
        extension: '.json',
        format: (docs, c) => `${formatJson(docs, { toolVersion: c.toolVersion, links: c.links, unplaced: c.unplaced, comparisons: c.comparisons, unreadable: c.unreadable })}\n`,
      };
    },
  ],
  [
    'sarif',
    async () => {
      const { formatSarif } = await import('./sarif.js');
      return {
        name: 'sarif',
        description: 'SARIF 2.1.0, for code-scanning services and reviewdog',
        extension: '.sarif',
        format: (docs, c) =>
          `${formatSarif(docs, { rules: c.rules, locale: c.locale, toolVersion: c.toolVersion, ...(c.cwd !== undefined ? { cwd: c.cwd } : {}), notifications: c.unreadable.map((u) => ({ message: u.message, path: u.path })) })}\n`,
      };
    },
  ],
  [
    'html',
    async () => {
      const { formatHtml } = await import('./html.js');
      return { name: 'html', description: 'one self-contained page a person can read, print and file', extension: '.html', format: (docs, c) => formatHtml(docs, { locale: c.locale, toolVersion: c.toolVersion }) };
    },
  ],
  [
    'csv',
    async () => {
      const { formatCsv } = await import('./csv.js');
      return { name: 'csv', description: 'the findings as rows for Excel (UTF-8 with BOM)', extension: '.csv', format: (docs, c) => formatCsv(docs, { locale: c.locale }) };
    },
  ],
  [
    'rdjson',
    async () => {
      const { formatRdjson } = await import('./rdjson.js');
      return { name: 'rdjson', description: "reviewdog's diagnostic format (byte columns)", extension: '.json', format: (docs, c) => `${formatRdjson(docs, { locale: c.locale })}\n` };
    },
  ],
]);

/** The names of the built-in output formats. */
export const BUILTIN_FORMAT_NAMES: readonly string[] = [...BUILTIN_FORMATTERS.keys()];

/** Whether a `--format` value names a file rather than a built-in format. */
export function isFormatterPath(value: string): boolean {
  return value.includes('/') || value.includes('\\') || /\.[cm]?js$/i.test(value);
}

/**
 * The formatter a module exports: its default export or a named `formatter` (a `Formatter`, or a
 * bare function taken as `format`), or a named `format` function; null when it exports none.
 */
export function formatterOf(mod: Record<string, unknown>, name: string): Formatter | null {
  const candidates = [mod.default, mod.formatter, mod.format];
  for (const c of candidates) {
    if (typeof c === 'function') return { name, format: c as Formatter['format'] };
    if (c && typeof c === 'object' && typeof (c as Formatter).format === 'function') {
      const f = c as Formatter;
      return { ...f, name: typeof f.name === 'string' && f.name !== '' ? f.name : name, format: f.format.bind(f) };
    }
  }
  return null;
}
