/**
 * What the engine checks with, handed to it rather than imported by it: the rules, the
 * cross-document rules, the document kinds and the lexicon. The built-in preset is in
 * src/builtin.ts; a preset of one's own (another set of rules, a third kind) is checked with
 * `checkReport(text, config, { preset })`.
 */
import type { Lexicon } from '../claims/lexicon.js';
import type { CrossRule } from '../cross/rule.js';
import type { Profile } from '../profiles/schema.js';
import type { Rule } from './rule.js';

/** Rules, cross-document rules, document kinds and lexicon, under one id. */
export interface Preset {
  id: string;
  rules: readonly Rule[];
  crossRules: readonly CrossRule[];
  profiles: readonly Profile[];
  lexicon: Lexicon;
}

/** Declares a preset (typed; the engine reads it as given). */
export function definePreset(preset: Preset): Preset {
  return preset;
}
