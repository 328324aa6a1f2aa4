/**
 * Word 97–2003 (.doc) and WPS Writer (.wps, the same binary layout): paragraphs as lines,
 * positions are paragraph and character. Node only (see src/io/doc.ts).
 */
import { DecodeError } from '../decode.js';
import { isOle, LEGACY_WORD_EXTENSIONS } from './ole.js';
import { startsWith, type InputFormat } from './types.js';
import { FORMAT_FACTS } from './facts.js';

/** `{\rtf`: how every Rich Text Format file starts. */
const RTF = [0x7b, 0x5c, 0x72, 0x74, 0x66];

/** Legacy Word. */
export const docFormat: InputFormat = {
  name: 'doc',
  extensions: LEGACY_WORD_EXTENSIONS,
  mime: FORMAT_FACTS.doc.mime,
  // The reader refuses an OLE file that holds no Word document (.xls, .ppt), saying what it is.
  sniff: isOle,
  load: async (path, bytes) => {
    if (bytes.length === 0) throw new DecodeError('the file is empty', 'empty');
    // Word saves "Rich Text" under a .doc name as readily as a .doc: say what it is, not "not Word".
    if (startsWith(bytes, RTF)) throw new DecodeError('a Rich Text Format file', 'rtf');
    const { loadDoc } = await import('../doc.js');
    return loadDoc(path, bytes);
  },
};
