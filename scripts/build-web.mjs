#!/usr/bin/env node
/**
 * Builds dist/jiaohe.html: the offline web page (src/web/), one self-contained file that checks
 * reports in the browser it is opened in. Run after tsup (`npm run build`), since tsup empties dist/.
 *
 * Three bundles, made with esbuild for the browser (a bundle that reaches a Node built-in fails
 * here, which is what keeps the core browser-safe):
 * - src/web/main.ts, the page, as the one inline script that runs;
 * - src/web/worker.ts, the checker, started as a Web Worker from a Blob URL (a page opened from
 *   file:// cannot load a worker file), kept as text in a non-running <script type="text/plain">;
 * - src/web/pdf.ts, pdf.js, likewise kept as text and loaded by the worker only for a PDF
 *   (the worker's bundle takes `unpdf` from the global it sets).
 *
 * The Content-Security-Policy allows exactly the page's own script (by its hash), blob: workers
 * and scripts, inline styles and data: images: no request of any kind can leave the page.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build, transform } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = process.argv[2] ?? `${root}dist/jiaohe.html`;
const { version } = JSON.parse(readFileSync(`${root}package.json`, 'utf8'));

/**
 * Browsers the page is built for: government machines keep old Chromium-based browsers (360,
 * QQ, Edge) and Firefox ESR for years. esbuild lowers newer syntax for them.
 */
const TARGETS = ['chrome87', 'edge88', 'firefox102', 'safari15'];

/** zod's namespace export carries every message locale; the page never shows zod's messages. */
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) => (args.importer.includes('zod') ? { path: 'zod-locales', namespace: 'zod-locales', pluginData: args.resolveDir } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({ contents: `export { default as en } from './en.js';`, resolveDir: `${args.pluginData}/../locales`, loader: 'js' }));
  },
};

/**
 * string-width makes an Intl.Segmenter when it loads; Firefox before 125 has none, and the worker
 * would die at start. Made when first needed instead (the page never measures terminal columns).
 */
const lazySegmenter = {
  name: 'string-width-lazy-segmenter',
  setup(b) {
    b.onLoad({ filter: /[\\/]string-width[\\/]index\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const eager = 'const segmenter = new Intl.Segmenter();';
      if (!source.includes(eager)) throw new Error(`${args.path}: no "${eager}" to defer (string-width changed: update scripts/build-web.mjs)`);
      return { contents: source.replace(eager, 'let segmenterBuilt;\nconst segmenter = { segment: (text) => (segmenterBuilt ??= new Intl.Segmenter()).segment(text) };'), loader: 'js' };
    });
  },
};

/**
 * In the worker, `unpdf` is what src/web/pdf.ts leaves on the global scope: that script is kept
 * apart and loaded only for a PDF, and src/io/pdf.ts imports unpdf only when it reads one.
 */
const unpdfGlobal = {
  name: 'unpdf-global',
  setup(b) {
    b.onResolve({ filter: /^unpdf$/ }, () => ({ path: 'unpdf', namespace: 'unpdf-global' }));
    b.onLoad({ filter: /.*/, namespace: 'unpdf-global' }, () => ({
      contents: "if (!globalThis.jiaohePdfjs) throw new Error('pdf.js is not loaded');\nmodule.exports = globalThis.jiaohePdfjs;",
      loader: 'js',
    }));
  },
};

/** One browser bundle as text. */
async function bundle(entry, inject = [], plugins = []) {
  const result = await build({
    inject: inject.map((f) => `${root}${f}`),
    entryPoints: [`${root}${entry}`],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: TARGETS,
    minify: true,
    charset: 'utf8',
    legalComments: 'none',
    write: false,
    logLevel: 'warning',
    define: { JIAOHE_VERSION: JSON.stringify(version) },
    plugins: [zodEnglishOnly, lazySegmenter, ...plugins],
  });
  return result.outputFiles[0].text;
}

/**
 * Script text inside <script> ends at the first `</script`, and `<!--` followed by `<script`
 * changes how the rest is parsed: neither may occur. esbuild escapes them in strings; anything
 * else (a regular expression, a comment) would be a new case to handle, so the build stops.
 */
function inline(name, code) {
  const bad = /<\/script|<!--/i.exec(code);
  if (bad) throw new Error(`${name}: contains "${bad[0]}" at ${bad.index}, which would break the page's <script>`);
  return code;
}

const [worker, pdf, main, css] = await Promise.all([
  // zod compiles parsers with \`new Function\`, which the page's policy refuses: it is told not to
  // before any module of the checker makes a schema (an injected module runs first).
  bundle('src/web/worker.ts', ['src/web/polyfills.ts', 'src/cli/zod-jitless.ts'], [unpdfGlobal]),
  bundle('src/web/pdf.ts'),
  bundle('src/web/main.ts'),
  transform(readFileSync(`${root}src/web/style.css`, 'utf8'), { loader: 'css', minify: true, target: TARGETS }).then((r) => r.code),
]);

const mainScript = inline('main', main);
const hash = createHash('sha256').update(mainScript, 'utf8').digest('base64');
const CSP = `default-src 'none'; script-src 'sha256-${hash}' blob:; worker-src blob:; style-src 'unsafe-inline'; img-src data: blob:; connect-src 'none'; base-uri 'none'; form-action 'none'`;

const page = [
  '<!DOCTYPE html>',
  '<html lang="zh-CN">',
  '<head>',
  '<meta charset="utf-8">',
  `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
  '<meta name="referrer" content="no-referrer">',
  '<meta name="viewport" content="width=device-width, initial-scale=1">',
  `<meta name="generator" content="jiaohe ${version}">`,
  '<title>校核 jiaohe</title>',
  `<style>${css}</style>`,
  '</head>',
  '<body>',
  '<noscript><p class="noscript">本页面需要启用 JavaScript。 This page needs JavaScript.</p></noscript>',
  '<div id="app"></div>',
  `<script type="text/plain" id="jiaohe-worker">${inline('worker', worker)}</script>`,
  `<script type="text/plain" id="jiaohe-pdf">${inline('pdf', pdf)}</script>`,
  `<script>${mainScript}</script>`,
  '</body>',
  '</html>',
  '',
].join('\n');

mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, page);
const kb = (s) => `${Math.round(Buffer.byteLength(s) / 1024)} KB`;
console.log(`${out}: ${kb(page)} (page ${kb(main)}, checker ${kb(worker)}, pdf.js ${kb(pdf)}, styles ${kb(css)})`);
