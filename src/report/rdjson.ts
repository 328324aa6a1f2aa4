/**
 * reviewdog's Diagnostic Format (rdjson), for `reviewdog -f=rdjson`: one diagnostic per finding,
 * with the rule as its code and a suggested replacement where the file's own text can take it.
 * Browser-safe.
 */
import type { Diagnostic, Severity } from '../engine/diagnostic.js';
import type { Locale } from '../engine/messages.js';
import type { Range } from '../model/range.js';
import type { CheckedDocument } from './document.js';
import { placeOf, placeText } from './place.js';
import { isTextFile, replacementInFile } from './place.js';
import { lastAtOrBefore } from '../text/search.js';

/** A position as reviewdog reads it: 1-based line, and 1-based column counted in UTF-8 bytes. */
interface RdPosition {
  line: number;
  column?: number;
}

interface RdRange {
  start: RdPosition;
  /** Exclusive. */
  end?: RdPosition;
}

interface RdLocation {
  path: string;
  range?: RdRange;
}

interface RdDiagnostic {
  message: string;
  location: RdLocation;
  severity: 'ERROR' | 'WARNING' | 'INFO';
  code: { value: string };
  suggestions?: Array<{ range: RdRange; text: string }>;
  related_locations?: Array<{ message: string; location: RdLocation }>;
}

const SEVERITY: Readonly<Record<Severity, RdDiagnostic['severity']>> = { error: 'ERROR', warning: 'WARNING', info: 'INFO' };

/**
 * The findings as rdjson text (`{ source, diagnostics }`). Baseline-accepted findings are left
 * out: reviewdog has no notion of a suppressed finding, and would comment on them. A .docx or
 * PDF finding has no line reviewdog could comment on, so it keeps the path alone and says its
 * place (第3段, 第2页第5行) in the message.
 */
export function formatRdjson(docs: readonly CheckedDocument[], options: { locale: Locale }): string {
  const { locale } = options;
  const byPath = new Map(docs.map((doc) => [doc.path, doc]));
  const positions = new Map<CheckedDocument, BytePositions>();
  /**
   * Where a range is: byte positions when it is in the document's text; its line alone when the
   * document is not among these (no text to count bytes in) or the range is not in its text; no
   * range but a place for the message in a Word file or PDF (its text was extracted).
   */
  const where = (path: string, doc: CheckedDocument | undefined, at: { range: Range; line: number; column: number }): { location: RdLocation; place?: string } => {
    if (doc && !isTextFile(doc)) {
      return { location: { path }, place: placeText(placeOf(doc, { offset: at.range.start, line: at.line, column: at.column }), locale) };
    }
    const { start, end } = at.range;
    if (!doc || start < 0 || end < start || end > doc.text.length) return { location: { path, range: { start: { line: at.line } } } };
    let p = positions.get(doc);
    if (!p) positions.set(doc, (p = new BytePositions(doc.text)));
    return { location: { path, range: { start: p.at(start), end: p.at(end) } } };
  };
  const say = (message: string, place: string | undefined): string => (place === undefined ? message : `${place}${locale === 'zh' ? ':' : ': '}${message}`);

  const diagnostics = docs.flatMap((doc) =>
    doc.diagnostics.map((d: Diagnostic): RdDiagnostic => {
      const { location, place } = where(doc.path, doc, d);
      const out: RdDiagnostic = { message: say(d.message, place), location, severity: SEVERITY[d.severity], code: { value: d.ruleId } };
      const text = d.suggestion?.replacement === undefined ? undefined : replacementInFile(doc, d.range, d.suggestion.replacement);
      if (text !== undefined && location.range?.end) out.suggestions = [{ range: location.range, text }];
      if (d.related.length > 0) {
        out.related_locations = d.related.map((r) => {
          const related = where(r.document ?? doc.path, r.document === undefined ? doc : byPath.get(r.document), r);
          return { message: say(r.message, related.place), location: related.location };
        });
      }
      return out;
    }),
  );
  return JSON.stringify({ source: { name: 'jiaohe', url: 'https://www.npmjs.com/package/jiaohe' }, diagnostics }, null, 2);
}

/**
 * Offsets to reviewdog positions. reviewdog splits lines at LF alone (a CR ends a CRLF line as
 * part of it) and counts columns in UTF-8 bytes: 3 for a CJK character, 4 for a surrogate pair,
 * 3 for a lone surrogate (written out as U+FFFD).
 */
class BytePositions {
  /** Offset at which each line starts. */
  private readonly starts: number[] = [0];

  constructor(private readonly text: string) {
    for (let br = text.indexOf('\n'); br >= 0; br = text.indexOf('\n', br + 1)) this.starts.push(br + 1);
  }

  at(offset: number): { line: number; column: number } {
    const lo = lastAtOrBefore(this.starts, offset);
    return { line: lo + 1, column: utf8Length(this.text, this.starts[lo]!, offset) + 1 };
  }
}

/** UTF-8 bytes of `text` from `from` to `to` (UTF-16 offsets). */
function utf8Length(text: string, from: number, to: number): number {
  let bytes = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < to && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}
