import type { Report } from '../model/report.js';
import type { Section } from '../model/structure.js';
import { positionOf } from '../report-helpers.js';
import { jsonReplacer } from '../report/json.js';

/** A report as plain JSON-ready data, without the two copies of the text. */
export function reportToJson(report: Report): unknown {
  const { text: _text, normalized: _normalized, ...rest } = report;
  return JSON.parse(JSON.stringify(rest, jsonReplacer));
}

/** The human-readable summary `jiaohe parse` prints for one report. */
export function formatOutline(report: Report, path: string, locate: (offset: number) => { line: number; column: number } = (o) => positionOf(report, o)): string {
  const m = report.metadata;
  const lines: string[] = [path];
  const date = m.dateWritten ? `${m.dateWritten.text} (${m.dateWritten.source})` : '—';
  lines.push(`  level: ${m.level} (${m.levelReason})`);
  lines.push(`  title: ${m.title ? m.title.text : '—'}`);
  lines.push(`  issuers: ${m.issuers.map((i) => i.text).join('; ') || '—'}`);
  lines.push(`  places: ${m.places.map((p) => `${p.name} (${p.kind})`).join(', ') || '—'}`);
  lines.push(`  year: ${m.reportingYear ? `${m.reportingYear.year} (${m.reportingYear.source})` : '—'}   written: ${date}   published: ${m.datePublished ? m.datePublished.text : '—'}`);
  lines.push('  outline:');
  const walk = (list: Section[]): void => {
    for (const s of list) {
      const pos = locate(s.range.start);
      lines.push(`  ${'  '.repeat(s.depth)}${s.marker.text}${s.heading}  [${pos.line}:${pos.column}]`);
      walk(s.children);
    }
  };
  walk(report.sections);
  lines.push(
    `  figures: ${report.quantities.length} quantities, ${report.dates.length} dates, ${report.identifiers.length} identifiers, ${report.enumerations.length} enumerations`,
  );
  for (const n of report.notes) lines.push(`  note: ${n.code}: ${n.message}`);
  return lines.join('\n');
}
