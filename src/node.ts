/** jiaohe's Node entry point: file reading and decoding on top of the core. */
export * from './index.js';
export { DecodeError, decodeBytes, type DecodedText } from './io/decode.js';
export { parseReportFile, readReportText } from './io/read-file.js';
