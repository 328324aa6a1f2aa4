import { defineConfig, type Options } from 'tsup';
import type { Plugin } from 'esbuild';
import { rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import ts from 'typescript';

/**
 * zod's namespace export carries every message locale (most of its code); the CLI only uses
 * English messages internally, so its bundle gets a locale index with English alone.
 */
const zodEnglishOnly: Plugin = {
  name: 'zod-english-only',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      args.importer.includes(`zod`) ? { path: 'zod-locales', namespace: 'zod-locales', pluginData: args.resolveDir } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({
      contents: `export { default as en } from './en.js';`,
      resolveDir: `${args.pluginData as string}/../locales`,
      loader: 'js',
    }));
  },
};

/**
 * string-width builds its Intl.Segmenter when it loads, which costs a new process ~10 ms (ICU's
 * break rules); in the CLI's bundle it is built the first time text needs it instead
 * (src/report/text-width.ts measures most report text without it). Fails the build if
 * string-width no longer reads as expected, rather than silently losing the saving.
 */
const stringWidthLazySegmenter: Plugin = {
  name: 'string-width-lazy-segmenter',
  setup(build) {
    build.onLoad({ filter: /[\\/]string-width[\\/]index\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const eager = 'const segmenter = new Intl.Segmenter();';
      if (!source.includes(eager)) throw new Error(`${args.path}: no "${eager}" to defer (string-width changed: update tsup.config.ts)`);
      const lazy = 'let segmenterBuilt;\nconst segmenter = { segment: (text) => (segmenterBuilt ??= new Intl.Segmenter()).segment(text) };';
      return { contents: source.replace(eager, lazy), loader: 'js' };
    });
  },
};

/**
 * Two rewrites of the project's own sources for the CLI's bundle, each keeping lines where they were.
 * - The zod schemas are built when their module loads, each from many calls the bundler must
 *   assume have side effects, so it keeps them all, though the CLI uses few (rule options, config
 *   and baseline files); the rest are API for the library's users. Each top-level constant built
 *   with zod becomes a pure immediately-called function: built in place as before when used,
 *   dropped when nothing uses it.
 * - Non-ASCII characters in regular expression literals, which esbuild's `charset: 'ascii'`
 *   leaves as they are, become \u escapes (the same pattern), so the whole bundle is ASCII.
 */
const cliSources: Plugin = {
  name: 'cli-sources',
  setup(build) {
    build.onLoad({ filter: /[\\/](src|rules)[\\/].*\.ts$/ }, async (args) => {
      if (args.path.includes('node_modules')) return undefined;
      const source = await readFile(args.path, 'utf8');
      const file = ts.createSourceFile(args.path, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
      const edits: Array<[from: number, to: number, text: string]> = [];
      if (/\bfrom 'zod'/.test(source)) {
        const usesZod = (node: ts.Node): boolean =>
          (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'z') ||
          (ts.isIdentifier(node) && node.text.endsWith('Schema')) ||
          ts.forEachChild(node, usesZod) === true;
        for (const statement of file.statements) {
          if (!ts.isVariableStatement(statement) || !(statement.declarationList.flags & ts.NodeFlags.Const)) continue;
          for (const d of statement.declarationList.declarations) {
            if (!d.initializer || !usesZod(d.initializer)) continue;
            const at = d.initializer.getStart(file);
            edits.push([at, at, '/* @__PURE__ */ (() => ('], [d.initializer.getEnd(), d.initializer.getEnd(), '))()']);
          }
        }
      }
      const visit = (node: ts.Node): void => {
        if (ts.isRegularExpressionLiteral(node) && /[^\0-\x7f]/.test(node.text)) {
          // An escaped non-ASCII character (\中, after an odd run of backslashes) stands for itself:
          // its \u escape replaces both.
          const text = node.text.replace(/(\\*)([^\0-\x7f])/g, (_, bs: string, c: string) => `${bs.slice(bs.length % 2)}\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
          edits.push([node.getStart(file), node.getEnd(), text]);
        }
        ts.forEachChild(node, visit);
      };
      visit(file);
      if (edits.length === 0) return undefined;
      let contents = source;
      for (const [from, to, text] of edits.sort((a, b) => b[0] - a[0] || b[1] - a[1])) contents = contents.slice(0, from) + text + contents.slice(to);
      return { contents, loader: 'ts' };
    });
  },
};

// The library: the browser-safe core, the HTML and .docx readers (browser-safe too, but kept out
// of the core so it stays small), the Node helpers that read files, and the rule-authoring kit
// (`jiaohe/testing`, which imports vitest and fast-check, peer dependencies left external).
// The CLI: a small executable, so `--version` loads almost nothing, and one bundle with the rest.
// A build given its entries on the command line (`tsup --entry.index src/index.ts --out-dir .quick`)
// is one library build: each of these configurations would otherwise write the same files at once.
export default defineConfig((flags) => {
  if (flags.entry) return builds.slice(0, 1);
  // dist/ is emptied here, once, before the builds start: they run at once, and a build's own
  // `clean` could delete a file another build had already written (the executable, the fastest).
  rmSync('dist', { recursive: true, force: true });
  return builds;
});

/**
 * What the CLI's files share: built for Node into dist/, with their dependencies bundled in
 * (resolving and compiling zod's many modules costs more at start-up than the whole check of a report).
 * Except the PDF and .doc readers' libraries, loaded from node_modules when such a file is read:
 * pdf.js alone would triple the bundle every run reads at start-up (+150 ms measured), and
 * unpdf's `import.meta.resolve` has no meaning in a CommonJS bundle.
 */
const cliBundle = {
  outDir: 'dist',
  sourcemap: true,
  target: 'node20',
  platform: 'node',
  splitting: false,
  noExternal: [/^(?!(?:unpdf|word-extractor)(?:\/|$))/],
} satisfies Options;

const builds: Options[] = [
  {
    entry: { index: 'src/index.ts', html: 'src/io/html.ts', docx: 'src/docx.ts', node: 'src/node.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    target: 'node20',
    platform: 'neutral',
    splitting: false,
  },
  {
    // ES module only: vitest, which RuleTester registers its cases with, cannot be required.
    entry: { testing: 'src/testing/index.ts' },
    format: ['esm'],
    dts: true,
    sourcemap: true,
    target: 'node20',
    platform: 'neutral',
    splitting: false,
  },
  {
    // The program (dist/cli.cjs, CommonJS: see src/cli/bin.ts), which answers --version itself
    // and otherwise runs cli-main.cjs (below) through a V8 code cache.
    ...cliBundle,
    entry: { cli: 'src/cli/bin.ts' },
    format: ['cjs'],
    banner: { js: '#!/usr/bin/env node' },
    esbuildOptions(options) {
      options.inject = ['src/cli/import-meta-shim.ts'];
      options.define = { ...options.define, 'import.meta.url': 'importMetaUrl' };
      // import() of a plugin stays Node's own (an ES module cannot be required in Node 20).
      options.supported = { ...options.supported, 'dynamic-import': true };
    },
  },
  {
    // The executable's name (package.json `bin`), an ES module that only loads dist/cli.cjs;
    // and the plugin worker, a file of its own loaded by URL beside the CLI's bundle.
    ...cliBundle,
    entry: { cli: 'src/cli/entry.ts', 'plugin-worker': 'src/cli/plugin-worker.ts' },
    format: ['esm'],
    esbuildPlugins: [zodEnglishOnly, stringWidthLazySegmenter],
    banner: { js: '#!/usr/bin/env node' },
  },
  {
    // Everything the CLI runs after start-up, in one CommonJS file: Node 20 can keep a code
    // cache for a script it compiles through vm.Script (src/cli/compile-cache.ts), not for an
    // ES module. The HTML, .docx and SARIF code is in it too but only compiled when a run calls
    // it. import.meta.url is its file's URL (the plugin worker is found beside it).
    ...cliBundle,
    entry: { 'cli-main': 'src/cli/main.ts' },
    format: ['cjs'],
    esbuildPlugins: [zodEnglishOnly, stringWidthLazySegmenter, cliSources],
    esbuildOptions(options) {
      // ASCII only (Chinese text as \u escapes): V8 then holds the source as a one-byte string,
      // which is decoded and hashed faster at every start than one of two-byte characters.
      options.charset = 'ascii';
      options.minifyWhitespace = true;
      // zod-jitless.ts runs before any module of the bundle, so before any schema is made.
      options.inject = ['src/cli/zod-jitless.ts', 'src/cli/import-meta-shim.ts'];
      options.define = { ...options.define, 'import.meta.url': 'importMetaUrl' };
      // import() of a package left external (the PDF and .doc readers' libraries) becomes
      // require(): on Node 20, code compiled from a V8 code cache cannot import() (compile-cache.ts).
      options.supported = { ...options.supported, 'dynamic-import': false };
    },
  },
];
