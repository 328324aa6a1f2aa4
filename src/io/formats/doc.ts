/**
 * Word 97–2003 (.doc) and WPS Writer (.wps, the same binary layout): paragraphs as lines,
 * positions are paragraph and character. Node only (see src/io/doc.ts).
 */
import { DecodeError } from '../decode.js';
import { startsWith, type InputFormat } from './types.js';

/**
 * The OLE compound file header. .xls and .ppt files start with it too: the reader refuses an
 * OLE file that holds no Word document, saying what it is.
 */
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Legacy Word. */
export const docFormat: InputFormat = {
  name: 'doc',
  extensions: ['.doc', '.wps'],
  mime: 'application/msword',
  sniff: (bytes) => startsWith(bytes, OLE),
  load: async (path, bytes) => {
    if (bytes.length === 0) throw new DecodeError('the file is empty', 'empty');
    const { loadDoc } = await import('../doc.js');
    return loadDoc(path, bytes);
  },
};
