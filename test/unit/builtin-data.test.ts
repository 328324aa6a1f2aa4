// The built-in lexicon, word lists and profiles are not parsed with zod when the library loads
// (a new process would pay for it on every run): these tests hold them to their schemas instead,
// and to being exactly what parsing them would return (defaults filled in, keys in the schema's
// order, nothing extra), so the data the checks read is the data the schemas describe.
import { describe, expect, it } from 'vitest';
import metricsData from '../../rules/lexicon/metrics.json';
import ratesData from '../../rules/lexicon/rates.json';
import wordsData from '../../rules/lexicon/words.json';
import { builtinLexicon, LexiconSchema } from '../../src/claims/lexicon.js';
import { WORDS, WordsSchema } from '../../src/claims/words.js';
import { BUILTIN_PROFILE_FILES, BUILTIN_PROFILES } from '../../src/profiles/builtin.js';
import { parseProfile } from '../../src/profiles/schema.js';

/** Deep equality and the same JSON, so key order counts too. */
function expectSame(actual: unknown, parsed: unknown): void {
  expect(actual).toStrictEqual(parsed);
  expect(JSON.stringify(actual)).toBe(JSON.stringify(parsed));
}

describe('the built-in data', () => {
  it('lexicon: rules/lexicon/metrics.json and rates.json as LexiconSchema parses them', () => {
    expectSame(builtinLexicon, LexiconSchema.parse({ ...metricsData, ...ratesData }));
  });

  it('word lists: rules/lexicon/words.json as WordsSchema parses it', () => {
    expectSame(WORDS, WordsSchema.parse(wordsData));
  });

  it('profiles: each file as parseProfile returns it', () => {
    expect(BUILTIN_PROFILES).toHaveLength(BUILTIN_PROFILE_FILES.length);
    BUILTIN_PROFILE_FILES.forEach(([path, data], i) => expectSame(BUILTIN_PROFILES[i], parseProfile(data, path)));
  });
});
