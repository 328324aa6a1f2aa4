import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { projectPath } from './helpers.js';

/** The official SARIF 2.1.0 schema (vendored from schemastore; its `$id` is the OASIS URL). */
export const sarifSchema = JSON.parse(readFileSync(projectPath('test/fixtures/sarif-schema-2.1.0.json'), 'utf8')) as { $id: string };

// The official schema's `language` pattern (`…-[a-zA-Z]{2}]?$`, a stray bracket) is not a valid
// Unicode-mode regular expression, so patterns are compiled without the `u` flag.
const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
addFormats(ajv);

/** Validates a log against the official schema; its `errors` say why not. */
export const validateSarif = ajv.compile(sarifSchema);
