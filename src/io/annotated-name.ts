/** The name of a Word file's commented copy, shared by the CLI and the web page. Browser-safe, and light enough for start-up. */

/** The name a commented copy ends with: 报告.docx → 报告.校核.docx. */
const ANNOTATED_SUFFIX = '.校核.docx';

/** The name of a Word file's commented copy (报告.docx → 报告.校核.docx), as the CLI and the web page write it. */
export function annotatedName(name: string): string {
  return `${name.replace(/\.docx$/i, '')}${ANNOTATED_SUFFIX}`;
}

/** Whether a file is a commented copy jiaohe wrote (报告.校核.docx): not a report to check again. */
export function isAnnotatedCopy(name: string): boolean {
  return name.toLowerCase().endsWith(ANNOTATED_SUFFIX);
}
