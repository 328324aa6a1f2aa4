/** What must hold for every input the fuzzer makes: no throw, no crashed rule, findings located exactly. */
import { checkReport, type CheckResult, type Diagnostic } from '../../src/index.js';

/** A 1-based line and UTF-16 column, as findings carry them. */
export interface Position {
  line: number;
  column: number;
}

/**
 * Lines and columns of the given offsets, computed in one sweep over the text, independently of
 * the library's `LineIndex`. As there (src/text/line-index.ts), a break is `\r\n`, `\r`, `\n`,
 * U+2028 or U+2029, columns count UTF-16 units from 1, and an offset between the `\r` and `\n`
 * of a CRLF is still on the line that CRLF ends.
 */
export function referencePositions(text: string, offsets: Iterable<number>): Map<number, Position> {
  const wanted = [...new Set(offsets)].sort((a, b) => a - b);
  const out = new Map<number, Position>();
  let line = 1;
  let lineStart = 0;
  let k = 0;
  const take = (i: number): void => {
    while (k < wanted.length && wanted[k] === i) out.set(wanted[k++]!, { line, column: i - lineStart + 1 });
  };
  for (let i = 0; i <= text.length; i++) {
    take(i);
    const c = text[i];
    if (c === '\r' && text[i + 1] === '\n') {
      i++;
      take(i);
      line++;
      lineStart = i + 1;
    } else if (c === '\n' || c === '\r' || c === '\u2028' || c === '\u2029') {
      line++;
      lineStart = i + 1;
    }
  }
  return out;
}

/** One broken invariant, said so that a reader can find it in the input. */
export interface Problem {
  kind: 'throw' | 'internal-error' | 'parser-error' | 'range' | 'position';
  detail: string;
  /** The stack of a throw. */
  stack?: string;
}

/** The outcome of checking one input. */
export interface Outcome {
  problems: Problem[];
  ms: number;
  findings: number;
}

function rangeProblem(what: string, r: { start: number; end: number }, length: number): Problem | null {
  const ok = Number.isInteger(r.start) && Number.isInteger(r.end) && r.start >= 0 && r.start <= r.end && r.end <= length;
  return ok ? null : { kind: 'range', detail: `${what} range [${r.start}, ${r.end}) is not within the text (length ${length})` };
}

function locate(d: Diagnostic): string {
  return `${d.ruleId} at [${d.range.start}, ${d.range.end})`;
}

/** Runs `checkReport` (or a stand-in, to test the harness) on `text` and lists every invariant it breaks; an empty list is a pass. */
export function checkInput(text: string, check: (text: string) => CheckResult = checkReport): Outcome {
  const t0 = performance.now();
  let result: CheckResult;
  try {
    result = check(text);
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    return { problems: [{ kind: 'throw', detail: `checkReport threw: ${e.message}`, ...(e.stack ? { stack: e.stack } : {}) }], ms: performance.now() - t0, findings: 0 };
  }
  const ms = performance.now() - t0;
  const problems: Problem[] = [];
  // The library turns a crashing parser or rule into a note or finding; for a fuzzer that is still a crash.
  for (const n of result.report.notes) if (n.code === 'internal-error') problems.push({ kind: 'parser-error', detail: n.message });
  const offsets: number[] = [];
  for (const d of result.diagnostics) {
    if (d.ruleId === 'internal-error') problems.push({ kind: 'internal-error', detail: d.message });
    const bad = [
      rangeProblem(locate(d), d.range, text.length),
      ...d.related.filter((r) => !r.document).map((r) => rangeProblem(`${locate(d)} related "${r.message}"`, r.range, text.length)),
      ...d.evidence.figures.filter((f) => !f.document).map((f) => rangeProblem(`${locate(d)} figure ${f.role} "${f.text}"`, f.range, text.length)),
    ].filter((p): p is Problem => p !== null);
    problems.push(...bad);
    offsets.push(d.range.start, d.range.end, ...d.related.map((r) => r.range.start));
  }
  if (problems.some((p) => p.kind === 'range')) return { problems, ms, findings: result.diagnostics.length };
  const at = referencePositions(text, offsets);
  const differs = (what: string, got: Position, offset: number): void => {
    const want = at.get(offset)!;
    if (got.line !== want.line || got.column !== want.column) {
      problems.push({ kind: 'position', detail: `${what} at offset ${offset} is ${got.line}:${got.column}, expected ${want.line}:${want.column}` });
    }
  };
  for (const d of result.diagnostics) {
    differs(`${locate(d)} start`, { line: d.line, column: d.column }, d.range.start);
    differs(`${locate(d)} end`, { line: d.endLine, column: d.endColumn }, d.range.end);
    for (const r of d.related) if (!r.document) differs(`${locate(d)} related "${r.message}"`, r, r.range.start);
  }
  return { problems, ms, findings: result.diagnostics.length };
}
