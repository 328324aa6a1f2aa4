// jiaohe against two yardsticks on the same text, measured side by side in one run:
//   - textlint's kernel (@textlint/kernel with its text plugin) running 13 published rules:
//     what a conventional lint pipeline costs on this text;
//   - one bare regex scan for figures in an exec loop: the floor of any single pass.
// Ratios, not absolute times, are the result: these machines are shared and noisy.
//   npm run build && node bench/compare.mjs
// Targets (issue 12): jiaohe ≥ 25× faster than the kernel; ≤ 25× the bare regex scan.
import { regexScan } from './regex-scan.mjs';
import { readFileSync } from 'node:fs';
import { TextlintKernel } from '@textlint/kernel';
import textPluginModule from '@textlint/textlint-plugin-text';
import { checkReport } from '../dist/index.js';

const textPlugin = textPluginModule.default ?? textPluginModule;
const street = readFileSync(new URL('../seeds/2020-baiyun-shimen-street.txt', import.meta.url), 'utf8');


// Thirteen published textlint rules that apply to plain CJK text: punctuation, spacing, width,
// characters and sentence length. None uses a morphological analyser: rules that do (kuromoji,
// as textlint's Japanese presets use) make the kernel two to three times slower again, which
// would flatter jiaohe.
const RULE_PACKAGES = [
  'textlint-rule-sentence-length',
  'textlint-rule-max-comma',
  'textlint-rule-no-todo',
  'textlint-rule-no-nfd',
  'textlint-rule-no-zero-width-spaces',
  'textlint-rule-no-exclamation-question-mark',
  'textlint-rule-ja-no-mixed-period',
  'textlint-rule-zh-half-and-full-width-bracket',
  'textlint-rule-ja-space-between-half-and-full-width',
  'textlint-rule-no-invalid-control-character',
  'textlint-rule-no-hankaku-kana',
  'textlint-rule-ja-no-space-between-full-width',
  'textlint-rule-no-kangxi-radicals',
];
const rules = [];
for (const name of RULE_PACKAGES) {
  const mod = await import(name);
  rules.push({ ruleId: name.replace('textlint-rule-', ''), rule: mod.default?.default ?? mod.default ?? mod });
}
const kernel = new TextlintKernel();
const lintOptions = { ext: '.txt', filePath: 'street.txt', plugins: [{ pluginId: 'text', plugin: textPlugin }], rules };

async function median(fn, iterations) {
  const times = [];
  for (let i = 0; i < iterations; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[times.length >> 1];
}

// Warm every path, then take the best of several rounds of medians, interleaved so that a
// burst of load on the machine hits all three alike.
for (let i = 0; i < 200; i++) {
  regexScan(street);
  checkReport(street);
  if (i % 4 === 0) await kernel.lintText(street, lintOptions);
}
const best = { regex: Infinity, jiaohe: Infinity, kernel: Infinity };
for (let round = 0; round < 7; round++) {
  best.regex = Math.min(best.regex, await median(() => regexScan(street), 400));
  best.jiaohe = Math.min(best.jiaohe, await median(() => checkReport(street), 200));
  best.kernel = Math.min(best.kernel, await median(() => kernel.lintText(street, lintOptions), 50));
}
const kernelRatio = best.kernel / best.jiaohe;
const regexRatio = best.jiaohe / best.regex;
console.log(`street seed (${street.length} characters), best of 7 rounds of medians, one process:`);
console.log(`  bare regex scan        ${(best.regex * 1000).toFixed(0).padStart(6)} µs`);
console.log(`  jiaohe checkReport     ${(best.jiaohe * 1000).toFixed(0).padStart(6)} µs`);
console.log(`  textlint kernel, 13 rules ${(best.kernel * 1000).toFixed(0).padStart(3)} µs`);
console.log(`  jiaohe is ${kernelRatio.toFixed(1)}× faster than the kernel (target ≥ 25×): ${kernelRatio >= 25 ? 'met' : 'not met'}`);
console.log(`  jiaohe takes ${regexRatio.toFixed(1)}× the bare regex scan (target ≤ 25×): ${regexRatio <= 25 ? 'met' : 'not met'}`);
