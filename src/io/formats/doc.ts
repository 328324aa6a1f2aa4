/**
 * Word 97–2003 (.doc) and WPS Writer (.wps, the same binary layout): paragraphs as lines,
 * positions are paragraph and character. Node only (see src/io/doc.ts).
 */
import { DecodeError } from '../decode.js';
import { isOle, LEGACY_WORD_EXTENSIONS } from './ole.js';
import type { InputFormat } from './types.js';
import { FORMAT_FACTS } from './facts.js';

/** Legacy Word. */
export const docFormat: InputFormat = {
  name: 'doc',
  extensions: LEGACY_WORD_EXTENSIONS,
  mime: FORMAT_FACTS.doc.mime,
  // The reader refuses an OLE file that holds no Word document (.xls, .ppt), saying what it is.
  sniff: isOle,
  load: async (path, bytes) => {
    if (bytes.length === 0) throw new DecodeError('the file is empty', 'empty');
    const { loadDoc } = await import('../doc.js');
    return loadDoc(path, bytes);
  },
};
