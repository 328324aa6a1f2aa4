/** Locating offsets in texts read paragraph by paragraph (Word files). Browser-safe and free of zod, so the .docx entry stays small. */
import { lastAtOrBefore } from '../text/search.js';
import type { LoadedSource } from './source.js';

/**
 * Where an offset sits in a text read paragraph by paragraph (a Word file): line = paragraph
 * (1-based), column = character in it; an end offset at a paragraph's start belongs to the one before.
 */
export function paragraphLocate(text: string, starts: readonly number[]): LoadedSource['locate'] {
  const first = starts.length > 0 ? starts : [0];
  return (offset, side) => {
    const off = Math.max(0, Math.min(offset, text.length));
    let at = lastAtOrBefore(first, off);
    if (side === 'end' && at > 0 && first[at] === off) at--;
    return { offset: off, line: at + 1, column: off - first[at]! + 1 };
  };
}
