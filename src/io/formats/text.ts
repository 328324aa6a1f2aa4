/** Plain text (.txt, .md): decoded from UTF-8, UTF-16 or GBK/GB18030; positions are its own. */
import { decodeBytes } from '../decode.js';
import { textSource } from '../source.js';
import type { InputFormat } from './types.js';
import { FORMAT_FACTS } from './facts.js';

/** Plain text. */
export const textFormat: InputFormat = {
  name: 'text',
  extensions: ['.txt', '.md', '.text'],
  mime: FORMAT_FACTS.text.mime,
  load: async (path, bytes) => {
    const { text, encoding } = decodeBytes(bytes);
    return textSource(path, text, encoding);
  },
};
