/** A Word file (.docx): paragraphs as lines, tables as tables; positions are paragraph and character. */
import { DecodeError } from '../decode.js';
import { startsWith, type InputFormat } from './types.js';
import { FORMAT_FACTS } from './facts.js';

/** A zip archive's local file header: every .docx starts with one. */
const ZIP = [0x50, 0x4b, 0x03, 0x04];

/** Word's .docx. */
export const docxFormat: InputFormat = {
  name: 'docx',
  extensions: ['.docx'],
  mime: FORMAT_FACTS.docx.mime,
  sniff: (bytes) => startsWith(bytes, ZIP),
  load: async (path, bytes) => {
    if (bytes.length === 0) throw new DecodeError('the file is empty', 'empty');
    const { loadDocx } = await import('../docx.js');
    return loadDocx(path, bytes);
  },
};
