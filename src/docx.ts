/** `jiaohe/docx`: Word files in the browser and in Node — reading one, and writing a commented copy. */
export { DocxError, extractDocx, loadDocx, type DocxSizeRefusal, type DocxText } from './io/docx.js';
export { annotateDocx, type AnnotateOptions, type DocxNote } from './io/docx-annotate.js';
