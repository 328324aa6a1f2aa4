import fazhi from '../../rules/profiles/fazhi-zhengfu-annual-report.json';
import xxgk from '../../rules/profiles/xxgk-annual-report.json';
import type { Profile, ProfileItem, YearTerm } from './schema.js';

/**
 * A built-in profile file as `parseProfile` returns it: its schema's defaults filled in, keys in
 * the schema's order. Not parsed with zod at load (that costs a new process more than checking a
 * report takes); test/unit/builtin-data.test.ts holds every built-in profile to `ProfileSchema`
 * and to being exactly what `parseProfile` returns, so a bad edit of the JSON still fails.
 */
function withDefaults(file: Record<string, unknown>): Profile {
  const p = file as Profile & Partial<Pick<Profile, 'deadlines' | 'variants' | 'statisticsPeriod' | 'formats' | 'tables'>>;
  return {
    id: p.id,
    name: p.name,
    ...(p.regulation === undefined ? {} : { regulation: p.regulation }),
    recognize: { title: p.recognize.title, body: p.recognize.body, minScore: p.recognize.minScore ?? 2 },
    items: p.items.map(itemWithDefaults),
    deadlines: p.deadlines ?? {},
    variants: (p.variants ?? []).map((v) => ({
      id: v.id,
      levels: v.levels,
      issuer: v.issuer ?? [],
      ...(v.deadlines === undefined ? {} : { deadlines: v.deadlines }),
    })),
    statisticsPeriod: p.statisticsPeriod ?? [],
    ...(p.lexicon === undefined ? {} : { lexicon: p.lexicon }),
    formats: (p.formats ?? []).map((f) => ({
      id: f.id,
      name: f.name,
      cues: f.cues,
      minCues: f.minCues ?? 1,
      ...(f.fromYear === undefined ? {} : { fromYear: f.fromYear }),
      ...(f.untilYear === undefined ? {} : { untilYear: f.untilYear }),
      ...(f.source === undefined ? {} : { source: f.source }),
    })),
    tables: (p.tables ?? []).map((t) => ({
      id: t.id,
      name: t.name,
      rows: t.rows,
      minRows: t.minRows ?? 2,
      identities: (t.identities ?? []).map((i) => ({
        id: i.id,
        name: i.name,
        left: i.left,
        right: i.right,
        status: i.status ?? 'strict',
        ...(i.printed === undefined ? {} : { printed: i.printed }),
      })),
      stated: (t.stated ?? []).map((x) => ({ words: x.words, readings: x.readings })),
      crossYear: (t.crossYear ?? []).map((c) => ({
        id: c.id,
        name: c.name,
        per: c.per,
        left: c.left.map(term),
        right: c.right.map(term),
      })),
    })),
  };
}

function term(t: YearTerm): YearTerm {
  return { year: t.year, ...(t.row === undefined ? {} : { row: t.row }), ...(t.column === undefined ? {} : { column: t.column }), sign: t.sign ?? 1 };
}

function itemWithDefaults(item: ProfileItem): ProfileItem {
  const i = item as ProfileItem & Partial<Pick<ProfileItem, 'paragraphs' | 'satisfiedByTitle'>>;
  return {
    id: i.id,
    name: i.name,
    required: i.required,
    ...(i.clause === undefined ? {} : { clause: i.clause }),
    headings: i.headings,
    paragraphs: i.paragraphs ?? [],
    ...(i.causes === undefined ? {} : { causes: i.causes }),
    satisfiedByTitle: i.satisfiedByTitle ?? false,
    ...(i.year === undefined ? {} : { year: i.year }),
  };
}

/** The built-in profiles' files, by the path a message about them names. */
export const BUILTIN_PROFILE_FILES: ReadonlyArray<readonly [path: string, data: Record<string, unknown>]> = [
  ['rules/profiles/fazhi-zhengfu-annual-report.json', fazhi],
  ['rules/profiles/xxgk-annual-report.json', xxgk],
];

/** The built-in profiles. */
export const BUILTIN_PROFILES: readonly Profile[] = BUILTIN_PROFILE_FILES.map(([, data]) => withDefaults(data));
