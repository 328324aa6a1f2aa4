/** A PDF with a text layer: its text line by line, positions said as page and line. */
import { DecodeError } from '../decode.js';
import { startsWith, type InputFormat } from './types.js';
import { FORMAT_FACTS } from './facts.js';

/** `%PDF-`: every PDF starts with it (readers allow a little junk before it; jiaohe does not). */
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d];

/** PDF. */
export const pdfFormat: InputFormat = {
  name: 'pdf',
  extensions: ['.pdf'],
  mime: FORMAT_FACTS.pdf.mime,
  sniff: (bytes) => startsWith(bytes, PDF),
  load: async (path, bytes) => {
    if (bytes.length === 0) throw new DecodeError('the file is empty', 'empty');
    const { loadPdf } = await import('../pdf.js');
    return loadPdf(path, bytes);
  },
};
