/**
 * The web page's PDF library: pdf.js (through unpdf, as src/io/pdf.ts uses it) as a classic
 * script the checking worker loads with importScripts only when a PDF is chosen. pdf.js is about
 * 1.7 MB, three times the checker, so a page that checks Word and text files never compiles it.
 * The worker's own bundle reads `unpdf` from the global this script sets (scripts/build-web.mjs),
 * so the reader's code, zod and the rest are not bundled twice.
 */
import * as unpdf from 'unpdf';

(globalThis as unknown as { jiaohePdfjs: typeof unpdf }).jiaohePdfjs = unpdf;
