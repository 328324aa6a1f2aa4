import { readFile } from 'node:fs/promises';
import { parseReport, type ParseOptions } from '../parse/parse-report.js';
import type { Report } from '../model/report.js';
import { decodeBytes, type DecodedText } from './decode.js';

/** Reads a report file from disk (never writing to it) and decodes it. */
export async function readReportText(path: string): Promise<DecodedText> {
  const bytes = await readFile(path);
  return decodeBytes(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
}

/** Reads, decodes and parses a report file. */
export async function parseReportFile(path: string, options: ParseOptions = {}): Promise<Report> {
  const { text } = await readReportText(path);
  return parseReport(text, { source: path, ...options });
}
