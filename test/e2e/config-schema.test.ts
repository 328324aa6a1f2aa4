/**
 * jiaohe.config.schema.json, the JSON Schema editors check a jiaohe.config.json with: generated
 * from the zod schema by scripts/config-schema.mjs, so it must equal what the sources give now,
 * agree with the config loader, and be accepted by the loader as a `$schema` hint.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { BUILTIN_CROSS_RULES, BUILTIN_RULES } from '../../rules/index.js';
import { ConfigFileSchema, loadConfigFile } from '../../src/cli/config-file.js';
import { projectPath, scratchDir } from '../helpers.js';
import { runCli } from './run-cli.js';

interface Generator {
  configSchemaText(input: { ConfigFileSchema: unknown; rules: readonly unknown[] }): string;
  CONFIG_SCHEMA_ID: string;
}

const FILE = 'jiaohe.config.schema.json';
const committed = readFileSync(projectPath(FILE), 'utf8');
const schema = JSON.parse(committed) as Record<string, unknown>;
// The script is plain JavaScript (node runs it after a build); it is loaded here by URL.
const generator = (await import(pathToFileURL(projectPath('scripts/config-schema.mjs')).href)) as Generator;

const ajv = new Ajv2020({ allErrors: true });
const validate = ajv.compile(schema);

/** The schema's verdict on a config, with its errors as readable lines. */
function check(config: unknown): { ok: boolean; errors: string[] } {
  const ok = validate(config);
  return { ok, errors: (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`) };
}

describe('jiaohe.config.schema.json', () => {
  it('is what scripts/config-schema.mjs makes of the current zod schema and rules (run `npm run config-schema` when not)', () => {
    expect(generator.configSchemaText({ ConfigFileSchema, rules: [...BUILTIN_RULES, ...BUILTIN_CROSS_RULES] })).toBe(committed);
    expect(schema).toMatchObject({ $schema: 'https://json-schema.org/draft/2020-12/schema', $id: generator.CONFIG_SCHEMA_ID, title: 'jiaohe.config.json' });
    expect(typeof schema.description).toBe('string');
    const pkg = JSON.parse(readFileSync(projectPath('package.json'), 'utf8')) as { files: string[] };
    expect(pkg.files).toContain(FILE);
  });

  it('accepts good configs, the README’s among them, and a plugin’s rule ids', () => {
    const good: unknown[] = [
      {},
      {
        $schema: './node_modules/jiaohe/jiaohe.config.schema.json',
        locale: 'zh',
        rules: { 'report-date': 'off', 'sum-matches-total': ['warning', { reportShort: true }] },
        profiles: ['profiles/xinxi-gongkai.json'],
        plugins: ['test/examples/sessions-match-list/index.mjs'],
      },
      { locale: 'en', level: 'street', profile: 'fazhi-niandu', rules: { 'rate-within-bounds': ['error', { bounded: ['办结率'] }], 'my-plugin-rule': 'info' } },
      { rules: { 'my-plugin-rule': ['warning', { anything: 1 }] } },
    ];
    for (const config of good) {
      expect(check(config), JSON.stringify(config)).toEqual({ ok: true, errors: [] });
      expect(ConfigFileSchema.safeParse(config).success).toBe(true);
    }
  });

  it('rejects what the loader rejects: a misspelt severity, an unknown key, a wrong type', () => {
    const bad: unknown[] = [
      { rules: { 'report-date': 'eror' } },
      { rules: { 'my-plugin-rule': ['eror', {}] } },
      { rule: { 'report-date': 'off' } },
      { locale: 'fr' },
      { level: 'province' },
      { profiles: 'profiles/x.json' },
      { rules: { 'sum-matches-total': ['warning'] } },
      { rules: { 'sum-matches-total': ['warning', {}, 1] } },
    ];
    for (const config of bad) {
      expect(check(config).ok, JSON.stringify(config)).toBe(false);
      expect(ConfigFileSchema.safeParse(config).success, JSON.stringify(config)).toBe(false);
    }
    expect(check({ rules: { 'report-date': 'eror' } }).errors.join('\n')).toContain('/rules/report-date');
    expect(check({ rule: {} }).errors.join('\n')).toContain('must NOT have additional properties');
  });

  it('knows each built-in rule, its description and its options (any other option is refused, as by jiaohe)', () => {
    const rules = (schema.properties as { rules: { properties: Record<string, { description: string }> } }).rules.properties;
    expect(Object.keys(rules).sort()).toEqual([...BUILTIN_RULES, ...BUILTIN_CROSS_RULES].map((r) => r.meta.id).sort());
    expect(rules['sum-matches-total']!.description).toContain(BUILTIN_RULES.find((r) => r.meta.id === 'sum-matches-total')!.meta.docs.description.zh);
    expect(check({ rules: { 'sum-matches-total': ['warning', { reportShort: 'yes' }] } }).ok).toBe(false);
    expect(check({ rules: { 'sum-matches-total': ['warning', { reportShrot: true }] } }).ok).toBe(false);
    expect(check({ rules: { 'report-date': ['off', {}] } }).ok).toBe(true);
  });

  it('is accepted by the config loader and the CLI as the file’s $schema', () => {
    const dir = scratchDir('jiaohe-schema-');
    const config = join(dir, 'jiaohe.config.json');
    writeFileSync(config, JSON.stringify({ $schema: pathToFileURL(projectPath(FILE)).href, locale: 'en', rules: { 'report-date': 'off' } }));
    expect(loadConfigFile(config).config).toMatchObject({ locale: 'en', rules: { 'report-date': 'off' } });
    writeFileSync(join(dir, 'report.txt'), readFileSync(projectPath('seeds/2020-baiyun-shimen-street.txt')));
    writeFileSync(config, JSON.stringify({ $schema: './node_modules/jiaohe/jiaohe.config.schema.json', locale: 'en', rules: { 'report-date': 'off' } }));
    const r = runCli(['check', 'report.txt', '--format', 'json'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { documents: Array<{ diagnostics: Array<{ ruleId: string }> }> };
    expect(out.documents[0]!.diagnostics.length).toBeGreaterThan(0);
    expect(out.documents[0]!.diagnostics.some((d) => d.ruleId === 'report-date')).toBe(false);
    // The rule the file turns off does report on this text otherwise.
    const without = JSON.parse(runCli(['check', 'report.txt', '--format', 'json', '--no-config'], { cwd: dir }).stdout) as typeof out;
    expect(without.documents[0]!.diagnostics.some((d) => d.ruleId === 'report-date')).toBe(true);
  });
});
