/** What an input format declares: how it is named, recognised and read. Browser-safe. */
import type { LoadedSource, SourceFormat } from '../source.js';

/**
 * One input format. A format module declares only this; its reader (src/io/<name>.ts, which may
 * be large or pull in a library) is imported by `load` when such a file is read, so a run that
 * reads plain text loads nothing of the others.
 */
export interface InputFormat {
  /** The name outputs report (`format` in the JSON output). */
  name: SourceFormat;
  /** File extensions, lower case with the dot, that say this format. */
  extensions: readonly string[];
  /** The MIME type (for a browser's file picker and for outputs that name it). */
  mime: string;
  /**
   * Whether the bytes are this format whatever the file name says (a magic number). Only binary
   * formats have one; text and markup are told apart after decoding.
   */
  sniff?: (bytes: Uint8Array) => boolean;
  /**
   * For a text format: whether decoded text of a file whose name says nothing (standard input, an
   * unknown extension) is this format (markup is a web page).
   */
  sniffText?: (text: string) => boolean;
  /** Reads the bytes; throws an error saying why they cannot be read as this format. */
  load: (path: string, bytes: Uint8Array) => Promise<LoadedSource>;
}

/** Whether `bytes` starts with `magic`. */
export function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  if (bytes.length < magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (bytes[i] !== magic[i]) return false;
  return true;
}
