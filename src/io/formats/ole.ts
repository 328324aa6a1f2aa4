/**
 * What marks a legacy Word file (.doc, WPS .wps), apart from its Node-only reader, so that the web
 * page can recognise one and say it cannot read it without bundling that reader. Browser-safe.
 */
import { startsWith } from './types.js';

/** The OLE compound file header. .xls and .ppt files start with it too. */
export const OLE_MAGIC: readonly number[] = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** The extensions of legacy Word files. */
export const LEGACY_WORD_EXTENSIONS: readonly string[] = ['.doc', '.wps'];

/** Whether bytes are an OLE compound file (a legacy Office file). */
export function isOle(bytes: Uint8Array): boolean {
  return startsWith(bytes, OLE_MAGIC);
}
