#!/usr/bin/env node
/**
 * Writes jiaohe.config.schema.json, the JSON Schema editors use to check and complete a
 * jiaohe.config.json (`"$schema": "./node_modules/jiaohe/jiaohe.config.schema.json"`), from the
 * zod schema the CLI validates the file with, so the two cannot disagree. Run after a build:
 *
 *   npx tsup && node scripts/config-schema.mjs
 *
 * test/e2e/config-schema.test.ts regenerates it from the sources and fails when the committed
 * file is stale.
 */
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/** Where the published file can be fetched; the unversioned URL, so the file does not change with each release. */
export const CONFIG_SCHEMA_ID = 'https://unpkg.com/jiaohe/jiaohe.config.schema.json';

/** The top-level keys in words: zod's doc comments do not reach its JSON Schema. */
const DESCRIPTIONS = {
  $schema: 'This JSON Schema, for editors; ignored by jiaohe.',
  locale: 'Language of messages and output: zh (default) or en.',
  profile: 'The document profile to check against (by id), instead of detecting it.',
  level: 'The administrative level of the reports, instead of detecting it.',
  rules: 'Rule settings by rule id: "off", a severity, or [severity, options].',
  profiles: 'Document profile files to load, relative to this file.',
  plugins: 'Rule files (JavaScript modules) to load, relative to this file, as --plugin does.',
};

/**
 * The JSON Schema of a config file, from its zod schema. Each built-in rule is spelt out under
 * `rules` (its description, and its own options, which jiaohe refuses any other key in), so an
 * editor completes rule ids and option names; other ids stay allowed, as plugins add rules.
 *
 * @param {{ ConfigFileSchema: { toJSONSchema(options: object): Record<string, any> }, rules: ReadonlyArray<{ meta: { id: string, defaultSeverity: string, docs: { description: { zh: string, en: string } }, options: { toJSONSchema(options: object): Record<string, any> } } }> }} input
 */
export function configJsonSchema({ ConfigFileSchema, rules }) {
  // Input side: what a person writes, before zod's defaults are filled in.
  const options = { target: 'draft-2020-12', io: 'input' };
  const { $schema, ...generated } = ConfigFileSchema.toJSONSchema(options);
  for (const [key, property] of Object.entries(generated.properties)) {
    if (DESCRIPTIONS[key]) generated.properties[key] = { description: DESCRIPTIONS[key], ...property };
  }
  const { additionalProperties: setting, ...ruleMap } = generated.properties.rules;
  const tuple = setting.anyOf?.find((s) => s.type === 'array');
  if (!tuple) throw new Error('scripts/config-schema.mjs: a rule setting is no longer "off" | severity | [severity, options]; update the script');
  // Each rule's setting differs only in its options: the level is written out once, in $defs.
  const level = { $ref: '#/$defs/ruleLevel' };
  const properties = {};
  for (const { meta } of [...rules].sort((a, b) => (a.meta.id < b.meta.id ? -1 : a.meta.id > b.meta.id ? 1 : 0))) {
    const { $schema: _, ...ruleOptions } = meta.options.toJSONSchema(options);
    if (ruleOptions.type === 'object' && ruleOptions.additionalProperties === undefined) ruleOptions.additionalProperties = false;
    properties[meta.id] = {
      description: `${meta.docs.description.zh} (${meta.docs.description.en}). Default: ${meta.defaultSeverity}.`,
      anyOf: [level, { ...tuple, prefixItems: [level, ruleOptions] }],
    };
  }
  generated.properties.rules = { ...ruleMap, properties, additionalProperties: setting };
  generated.$defs = { ...generated.$defs, ruleLevel: tuple.prefixItems[0] };
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: CONFIG_SCHEMA_ID,
    title: 'jiaohe.config.json',
    description: 'Configuration of jiaohe, the checker of Chinese government reports (法治政府建设年度报告): locale, rule settings, document profiles and plugins.',
    ...generated,
  };
}

/** The file's text: the schema as pretty JSON with a final newline. */
export function configSchemaText(input) {
  return `${JSON.stringify(configJsonSchema(input), null, 2)}\n`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const built = await import('../dist/node.js');
  const out = new URL('../jiaohe.config.schema.json', import.meta.url);
  writeFileSync(out, configSchemaText({ ConfigFileSchema: built.ConfigFileSchema, rules: [...built.BUILTIN_RULES, ...built.BUILTIN_CROSS_RULES] }));
  console.log(`wrote ${out.pathname}`);
}
