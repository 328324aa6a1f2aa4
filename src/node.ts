/** jiaohe's Node entry point: reading report files of every format, on top of the core. */
export * from './index.js';
export { DecodeError, decodeBytes, type DecodedText } from './io/decode.js';
export { parseReportFile, readReportText } from './io/read-file.js';
export { EXTENSIONS, formatOfPath, loadSourceBytes, loadSourceFile, looksLikeHtml } from './io/load.js';
export { INPUT_FORMATS, chooseFormat, formatOfName, inputFormat, sniffFormat, type InputFormat } from './io/formats/index.js';
export { NODE_INPUT_FORMATS } from './io/formats/node.js';
export { loadPdf, extractPdf } from './io/pdf.js';
export { loadDoc, extractDoc } from './io/doc.js';
export { checkFiles, type CheckFilesOptions, type CheckFilesResult } from './cli/check-files.js';
export { ConfigFileSchema, CONFIG_FILE_NAME, findConfigFile, type ConfigFile } from './cli/config-file.js';
export { BaselineSchema, type Baseline } from './cli/baseline.js';
