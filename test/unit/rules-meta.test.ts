/**
 * Every built-in rule is a whole rule: a folder under rules/ with its implementation, a README
 * with ✓ and ✗ examples and every message id, and a test; an exported rule with messages and a
 * description in both locales; and a row in the README's rule table. Folders and exports pair up
 * one to one. A failure lists, per rule, what is missing.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUILTIN_CROSS_RULES, BUILTIN_RULES } from '../../rules/index.js';
import type { RuleMeta } from '../../src/engine/rule.js';
import { projectPath } from '../helpers.js';

/** Folders under rules/ that hold data, not rules. */
const NOT_RULES = new Set(['lexicon', 'profiles']);

/** What the checks need to know about a rule folder. */
interface RuleFolder {
  id: string;
  files: string[];
  /** The folder's README.md, or null when there is none. */
  readme: string | null;
}

/** The meta of a built-in rule, as far as these checks read it. */
type MetaLike = Pick<RuleMeta, 'id' | 'messages' | 'defaultSeverity'> & { docs: Pick<RuleMeta['docs'], 'description' | 'url'> };

/** A row of the README's rule table: | [`id`](rules/id/README.md) | checks | default |. */
interface TableRow {
  id: string;
  link: string;
  defaultColumn: string;
  line: number;
}

const blank = (s: unknown): boolean => typeof s !== 'string' || s.trim() === '';

/**
 * How many ✓ and ✗ examples a README gives: lines of text under `## ✓ Correct` or `## ✗ Incorrect`
 * (list items or prose), and items marked `- ✓ …` / `- ✗ …` under a heading for both.
 */
function examples(readme: string): { correct: number; incorrect: number } {
  let heading = '';
  let correct = 0;
  let incorrect = 0;
  for (const line of readme.split('\n')) {
    if (/^#{1,6} /.test(line)) {
      heading = line;
      continue;
    }
    if (line.trim() === '') continue;
    const item = /^\s*[-*] (.*)$/.exec(line)?.[1];
    const marked = item?.startsWith('✓') ? '✓' : item?.startsWith('✗') ? '✗' : null;
    const under = heading.includes('✓') && !heading.includes('✗') ? '✓' : heading.includes('✗') && !heading.includes('✓') ? '✗' : null;
    const mark = marked ?? under;
    if (mark === '✓') correct++;
    if (mark === '✗') incorrect++;
  }
  return { correct, incorrect };
}

/** What a rule folder and its exported rule lack, each as a sentence naming the rule. */
function folderProblems(folder: RuleFolder, meta: MetaLike | undefined): string[] {
  const { id, files, readme } = folder;
  const out: string[] = [];
  const where = `rules/${id}`;
  if (!files.includes('index.ts')) out.push(`${id}: no ${where}/index.ts (the implementation)`);
  if (!files.some((f) => f.endsWith('.test.ts'))) out.push(`${id}: no test in ${where}/ (a *.test.ts file)`);
  if (readme === null) out.push(`${id}: no ${where}/README.md`);
  else {
    const { correct, incorrect } = examples(readme);
    if (correct === 0) out.push(`${id}: ${where}/README.md has no ✓ (correct) example`);
    if (incorrect === 0) out.push(`${id}: ${where}/README.md has no ✗ (incorrect) example`);
  }
  if (!meta) {
    out.push(`${id}: no rule with this id in BUILTIN_RULES or BUILTIN_CROSS_RULES (rules/index.ts)`);
    return out;
  }
  if (blank(meta.docs.description.zh)) out.push(`${id}: docs.description has no zh text`);
  if (blank(meta.docs.description.en)) out.push(`${id}: docs.description has no en text`);
  if (meta.docs.url !== `${where}/README.md`) out.push(`${id}: docs.url is '${meta.docs.url}', not '${where}/README.md'`);
  const ids = Object.keys(meta.messages);
  if (ids.length === 0) out.push(`${id}: has no messages`);
  for (const m of ids) {
    if (blank(meta.messages[m]?.zh)) out.push(`${id}: message '${m}' has no zh text`);
    if (blank(meta.messages[m]?.en)) out.push(`${id}: message '${m}' has no en text`);
    if (readme !== null && !readme.includes(`\`${m}\``)) out.push(`${id}: message '${m}' is not in ${where}/README.md (list it as \`${m}\` in its messages table)`);
  }
  return out;
}

/** The rows of the README's rule table. */
function tableRows(readme: string): TableRow[] {
  const rows: TableRow[] = [];
  readme.split('\n').forEach((line, i) => {
    const m = /^\|\s*\[`([^`]+)`\]\(([^)]*)\)\s*\|/.exec(line);
    if (!m) return;
    const cells = line.split('|').map((c) => c.trim());
    // '', rule, checks, default, '' — the default is the last cell.
    rows.push({ id: m[1]!, link: m[2]!, defaultColumn: cells[cells.length - 2] ?? '', line: i + 1 });
  });
  return rows;
}

/** What the README's rule table gets wrong about the rules. */
function tableProblems(rows: readonly TableRow[], metas: readonly MetaLike[]): string[] {
  const out: string[] = [];
  const byId = new Map(metas.map((m) => [m.id, m]));
  for (const meta of metas) {
    const mine = rows.filter((r) => r.id === meta.id);
    if (mine.length === 0) {
      out.push(`${meta.id}: no row in the README.md rule table (| [\`${meta.id}\`](rules/${meta.id}/README.md) | … | ${meta.defaultSeverity} |)`);
      continue;
    }
    if (mine.length > 1) out.push(`${meta.id}: ${mine.length} rows in the README.md rule table (lines ${mine.map((r) => r.line).join(', ')})`);
    for (const row of mine) {
      if (row.link !== `rules/${meta.id}/README.md`) out.push(`${meta.id}: the README.md rule table (line ${row.line}) links to '${row.link}', not 'rules/${meta.id}/README.md'`);
      if (!row.defaultColumn.startsWith(meta.defaultSeverity)) {
        out.push(`${meta.id}: the README.md rule table (line ${row.line}) gives the default as '${row.defaultColumn}', but defaultSeverity is ${meta.defaultSeverity}`);
      }
    }
  }
  for (const row of rows) {
    if (!byId.has(row.id)) out.push(`${row.id}: a row in the README.md rule table (line ${row.line}) for a rule that is not exported`);
  }
  return out;
}

/** Folders without an exported rule, exported rules without a folder, and ids exported twice. */
function pairingProblems(folders: readonly string[], exported: readonly string[]): string[] {
  const out: string[] = [];
  const dirs = new Set(folders);
  const ids = new Set(exported);
  for (const id of exported) if (!dirs.has(id)) out.push(`${id}: exported from rules/index.ts but there is no folder rules/${id}/`);
  for (const dir of folders) if (!ids.has(dir)) out.push(`${dir}: rules/${dir}/ has no rule exported with that id (BUILTIN_RULES or BUILTIN_CROSS_RULES)`);
  for (const id of ids) {
    const n = exported.filter((x) => x === id).length;
    if (n > 1) out.push(`${id}: exported ${n} times`);
  }
  return out;
}

const RULES_DIR = projectPath('rules');
const folderIds = readdirSync(RULES_DIR, { withFileTypes: true })
  .filter((d) => d.isDirectory() && !NOT_RULES.has(d.name))
  .map((d) => d.name)
  .sort();
const metas: MetaLike[] = [...BUILTIN_RULES, ...BUILTIN_CROSS_RULES].map((r) => r.meta);

function readFolder(id: string): RuleFolder {
  const dir = `${RULES_DIR}/${id}`;
  const readmePath = `${dir}/README.md`;
  return { id, files: readdirSync(dir), readme: existsSync(readmePath) ? readFileSync(readmePath, 'utf8') : null };
}

describe('built-in rules are whole', () => {
  it('finds the rule folders', () => {
    expect(folderIds.length).toBeGreaterThan(0);
  });

  it('pairs every folder under rules/ with an exported rule, and every exported rule with a folder', () => {
    expect(pairingProblems(folderIds, metas.map((m) => m.id))).toEqual([]);
  });

  for (const id of folderIds) {
    it(`${id}: implementation, README with ✓/✗ and its messages, test, messages and description in zh and en`, () => {
      expect(folderProblems(readFolder(id), metas.find((m) => m.id === id))).toEqual([]);
    });
  }

  it('lists every rule in the README.md rule table, with its link and default severity', () => {
    const rows = tableRows(readFileSync(projectPath('README.md'), 'utf8'));
    expect(tableProblems(rows, metas)).toEqual([]);
  });
});

describe('the meta checks name the rule and what is missing', () => {
  const meta: MetaLike = {
    id: 'demo-rule',
    docs: { description: { zh: '示例', en: '' }, url: 'rules/demo-rule/README.md' },
    messages: { shown: { zh: '有', en: 'shown' }, hidden: { zh: '', en: 'hidden' } },
    defaultSeverity: 'warning',
  };

  it('reports missing files, examples, texts and message ids', () => {
    const readme = '# demo-rule\n\n## ✓ Correct\n\n- 正确。\n\n## Messages\n\n| `shown` | 有 | shown |\n';
    expect(folderProblems({ id: 'demo-rule', files: ['README.md'], readme }, meta)).toEqual([
      'demo-rule: no rules/demo-rule/index.ts (the implementation)',
      'demo-rule: no test in rules/demo-rule/ (a *.test.ts file)',
      'demo-rule: rules/demo-rule/README.md has no ✗ (incorrect) example',
      'demo-rule: docs.description has no en text',
      "demo-rule: message 'hidden' has no zh text",
      "demo-rule: message 'hidden' is not in rules/demo-rule/README.md (list it as `hidden` in its messages table)",
    ]);
    expect(folderProblems({ id: 'orphan', files: ['index.ts', 'orphan.test.ts'], readme: null }, undefined)).toEqual([
      'orphan: no rules/orphan/README.md',
      'orphan: no rule with this id in BUILTIN_RULES or BUILTIN_CROSS_RULES (rules/index.ts)',
    ]);
  });

  it('reads ✓ and ✗ items under one heading for both, and prose under a heading for one', () => {
    expect(examples('## ✓ Correct / ✗ Incorrect\n\n- ✓ a\n- ✗ b\n')).toEqual({ correct: 1, incorrect: 1 });
    expect(examples('## ✓ Correct / ✗ Incorrect\n\n- a\n')).toEqual({ correct: 0, incorrect: 0 });
    // Prose under a ✓ heading is an example too (heading-numbering, report-date write theirs so).
    expect(examples('## ✓ Correct\n\n`一、…` → `（一）…`\n\n## ✗ Incorrect\n\n## Messages\n')).toEqual({ correct: 1, incorrect: 0 });
  });

  it('reports table rows missing, stale, mislinked or with another default', () => {
    const rows = tableRows(
      [
        '| rule | checks | default |',
        '|---|---|---|',
        '| [`demo-rule`](rules/demo/README.md) | something | error (minor: info) |',
        '| [`gone-rule`](rules/gone-rule/README.md) | something | warning |',
      ].join('\n'),
    );
    expect(tableProblems(rows, [meta, { ...meta, id: 'other-rule' }])).toEqual([
      "demo-rule: the README.md rule table (line 3) links to 'rules/demo/README.md', not 'rules/demo-rule/README.md'",
      "demo-rule: the README.md rule table (line 3) gives the default as 'error (minor: info)', but defaultSeverity is warning",
      'other-rule: no row in the README.md rule table (| [`other-rule`](rules/other-rule/README.md) | … | warning |)',
      'gone-rule: a row in the README.md rule table (line 4) for a rule that is not exported',
    ]);
  });

  it('reports folders and exports that do not pair up', () => {
    expect(pairingProblems(['a-rule', 'b-rule'], ['a-rule', 'c-rule', 'a-rule'])).toEqual([
      'c-rule: exported from rules/index.ts but there is no folder rules/c-rule/',
      'b-rule: rules/b-rule/ has no rule exported with that id (BUILTIN_RULES or BUILTIN_CROSS_RULES)',
      'a-rule: exported 2 times',
    ]);
  });
});
