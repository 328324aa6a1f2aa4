/**
 * Traditional characters in figures (萬, 兩, 個, 項 …) read as simplified. The one table lives
 * in `src/text/traditional.ts`, where the normalised view is folded with it; these names keep
 * the scanner's and the counted-list reader's imports.
 */
import { foldTraditional as fold, simplifiedUnit } from '../../text/traditional.js';

/** The simplified form of one UTF-16 unit when it is a traditional character, else itself. */
export const foldTraditionalUnit = simplifiedUnit;

/** `text` with traditional characters folded to simplified, same length; `text` itself when it holds none. */
export const foldTraditional = fold;
