/** A saved web page (.html): its report text, tables and page metadata, positions in the page's own text. */
import { decodeBytes } from '../decode.js';
import type { InputFormat } from './types.js';
import { FORMAT_FACTS } from './facts.js';

/** Whether decoded text is a web page rather than a report typed as text. */
export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 256).trimStart().slice(0, 9).toLowerCase();
  return head.startsWith('<!doctype') || head.startsWith('<html') || head.startsWith('<head') || head.startsWith('<body');
}

/** A web page. */
export const htmlFormat: InputFormat = {
  name: 'html',
  extensions: ['.html', '.htm', '.shtml', '.xhtml'],
  mime: FORMAT_FACTS.html.mime,
  sniffText: looksLikeHtml,
  load: async (path, bytes) => {
    const { text, encoding } = decodeBytes(bytes);
    const { loadHtml } = await import('../html.js');
    return loadHtml(path, text, encoding);
  },
};
