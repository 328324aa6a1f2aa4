/** The input formats the Node entry points read: the browser's, and those whose readers need Node (.doc). */
import { docFormat } from './doc.js';
import { INPUT_FORMATS } from './index.js';
import type { InputFormat } from './types.js';

/** Every input format jiaohe reads under Node, binary formats (those with a magic number) first. */
export const NODE_INPUT_FORMATS: readonly InputFormat[] = [...INPUT_FORMATS.filter((f) => f.sniff), docFormat, ...INPUT_FORMATS.filter((f) => !f.sniff)];
