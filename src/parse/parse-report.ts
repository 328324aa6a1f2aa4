import type { Level } from '../model/metadata.js';
import type { Report } from '../model/report.js';
import type { SourceTable } from '../model/table.js';
import type { Enumeration, Sentence } from '../model/structure.js';
import { normalizeText, normalizeView } from '../text/normalize.js';
import { findEnumerations, type OpenRuns } from './enumerations.js';
import { splitLines } from './lines.js';
import { MARK_OF, Marks, rememberMarks } from './marks.js';
import { readMetadata } from './metadata.js';
import { FigureScanner, type FigureSink } from './numbers/scanner.js';
import { buildContext } from './numbers/quote-context.js';
import { buildSections, layoutParagraphs, splitSentences } from './structure.js';
import { InputLimitError, MAX_DIGIT_RUNS } from './limits.js';
import { readGivenTables, readTables } from './tables/index.js';

/** Options for `parseReport`. */
export interface ParseOptions {
  /** A name for the source, such as its file path; kept in `report.source`. */
  source?: string;
  /** Overrides the detected administrative level. */
  level?: Level;
  /** Overrides the detected reporting year. */
  year?: number;
  /** Most runs of digits the text may hold before it is refused (default `MAX_DIGIT_RUNS`). */
  maxDigitRuns?: number;
  /** Tables the file gave as tables (an HTML or Word reader's `tables`), read from their structure. */
  tables?: readonly SourceTable[];
}

/**
 * Parses report text into the model. Pure and synchronous: oddities are recorded in `notes`;
 * the only throw is `InputLimitError`, for a text of more numbers than can be checked in bounded
 * time (`MAX_DIGIT_RUNS`). Every range is in UTF-16 offsets of `text`.
 */
export function parseReport(text: string, options: ParseOptions = {}): Report {
  const input = typeof text === 'string' ? text : String(text ?? '');
  // The one refusal: a text of hundreds of thousands of numbers would take minutes and
  // gigabytes to check, so it is turned away before any work but the one linear pass that
  // normalises the text and counts its digit runs (see limits.ts).
  const view = normalizeView(input, MARK_OF);
  const max = options.maxDigitRuns ?? MAX_DIGIT_RUNS;
  if (view.digitRuns > max) throw new InputLimitError(foundBeforeStop(view.digitRuns, max), max);
  try {
    return parse(input, view.norm, new Marks(view.marked!), options);
  } catch (error) {
    if (error instanceof InputLimitError) throw error;
    // A parser bug must not crash the caller; property tests assert this never happens.
    const report = emptyReport(input, options);
    report.notes.push({
      code: 'internal-error',
      message: `parser error: ${error instanceof Error ? error.message : String(error)}`,
      range: { start: 0, end: input.length },
    });
    return report;
  }
}

/** What `countDigitRuns(text, max)` reports for a text of `runs` runs: counting stops just past `max`. */
function foundBeforeStop(runs: number, max: number): number {
  return Math.min(runs, Math.max(1, Math.floor(max) + 1));
}

function emptyReport(text: string, options: ParseOptions): Report {
  return {
    text,
    normalized: normalizeText(text),
    source: options.source ?? null,
    metadata: {
      title: null,
      issuers: [],
      level: options.level ?? 'unknown',
      levelReason: options.level ? 'given by the caller' : 'empty input',
      places: [],
      reportingYear: options.year !== undefined ? { year: options.year, range: null, source: 'option' } : null,
      dateWritten: null,
      signatureDates: [],
      datePublished: null,
      indexNumber: null,
      documentNumber: null,
    },
    paragraphs: [],
    sentences: [],
    sections: [],
    quantities: [],
    identifiers: [],
    dates: [],
    enumerations: [],
    tables: [],
    notes: [],
  };
}

function parse(text: string, norm: string, marks: Marks, options: ParseOptions): Report {
  const lines = splitLines(norm);
  if (lines.length === 0) {
    const report = emptyReport(text, options);
    report.notes.push({ code: 'empty-input', message: 'the text is empty or blank', range: { start: 0, end: text.length } });
    return report;
  }

  // Tables the file gave as tables first: their rows are no headings or prose.
  const given = readGivenTables(norm, options.tables ?? []);
  const layout = layoutParagraphs(text, norm, lines, given.spans);
  const { roots, list } = buildSections(text, norm, layout);
  const paragraphs = layout.paragraphs;

  // Body and headings: sentences, enumerations, quotes and figures are read there, visiting the
  // marked units of each paragraph (found while normalising).
  const scanned = paragraphs.filter((p) => p.role === 'body' || p.role === 'heading');
  const scannedRanges = scanned.map((p) => p.range);
  const sentences: Sentence[] = [];
  const enumerations: Enumeration[] = [];
  const openRuns: OpenRuns = new Map();
  for (const para of scanned) {
    splitSentences(norm, para, sentences, marks);
    findEnumerations(text, norm, para, enumerations, openRuns, marks);
  }

  // Figures: everything in the body and headings, after heading markers.
  const sink: FigureSink = { quantities: [], identifiers: [], dates: [] };
  const context = buildContext(norm, scannedRanges, marks);
  const scanner = new FigureScanner(text, norm, context, sink);
  // Sections come in paragraph order, as the scanned paragraphs do: a cursor finds each heading's.
  let sec = 0;
  for (const para of scanned) {
    while (sec < list.length && list[sec]!.paragraph < para.index) sec++;
    const heading = sec < list.length && list[sec]!.paragraph === para.index ? list[sec]!.marker : null;
    scanner.scan(heading ? heading.range.end + heading.trailing.length : para.range.start, para.range.end, para.index, marks);
  }

  // Each quantity's sentence, walking both lists in order.
  let si = 0;
  for (const q of sink.quantities) {
    while (si < sentences.length - 1 && sentences[si]!.range.end <= q.range.start) si++;
    q.sentence = si;
  }

  const metadata = readMetadata(text, norm, paragraphs, layout.metadataFields, layout.signature, layout.title, {
    ...(options.level ? { level: options.level } : {}),
    ...(options.year !== undefined ? { year: options.year } : {}),
  });

  const report: Report = {
    text,
    normalized: norm,
    source: options.source ?? null,
    metadata,
    paragraphs,
    sentences,
    sections: roots,
    quantities: sink.quantities,
    identifiers: sink.identifiers,
    dates: sink.dates,
    enumerations,
    tables: readTables(text, norm, sink.quantities, lines, given),
    notes: [],
  };
  if (!paragraphs.some((p) => p.role === 'body' || p.role === 'heading')) {
    report.notes.push({ code: 'no-body', message: 'no body text was found', range: { start: 0, end: text.length } });
  }
  for (const sec of list) {
    if (sec.heading.length === 0) {
      report.notes.push({ code: 'heading-without-text', message: `heading ${sec.marker.text} has no text`, range: sec.marker.range });
    }
  }
  rememberMarks(report, marks);
  return report;
}
