/** A small .docx-shaped zip whose document part inflates far past what it looks like: a zip bomb. */
import { constants, crc32, deflateRawSync } from 'node:zlib';
import { Zip, type ZipInputFile } from 'fflate';

/**
 * A zip of tens of kilobytes holding `word/document.xml` that inflates to `mib` MiB of zeros.
 * One MiB of zeros is deflated once into non-final blocks that end on a byte boundary (a sync
 * flush), repeated `mib` times and closed by an empty final block, so no gigabyte-sized buffer
 * is ever compressed here; fflate writes the zip around the stream with the true size and CRC.
 */
export function zipBomb(mib: number): Uint8Array {
  const zeros = Buffer.alloc(1 << 20);
  const block = deflateRawSync(zeros, { finishFlush: constants.Z_SYNC_FLUSH });
  let crc = 0;
  for (let i = 0; i < mib; i++) crc = crc32(zeros, crc);
  const parts: Uint8Array[] = [];
  const zip = new Zip((error, data) => {
    if (error) throw error;
    parts.push(data);
  });
  const file: ZipInputFile = { filename: 'word/document.xml', size: mib * (1 << 20), crc, compression: 8 };
  zip.add(file);
  for (let i = 0; i < mib; i++) file.ondata!(null, block, false);
  // An empty final block with fixed codes: BFINAL=1, BTYPE=01, end-of-block.
  file.ondata!(null, new Uint8Array([0x03, 0x00]), true);
  zip.end();
  return new Uint8Array(Buffer.concat(parts));
}
