import type { Level, Place } from '../model/metadata.js';
import type { Range } from '../model/range.js';

/** Words inside issuer names that are not place names. */
const ORG_WORDS = [
  '中国共产党',
  '中共',
  '人民政府',
  '工作委员会',
  '党工委',
  '委员会',
  '办事处',
  '人民代表大会',
  '常务委员会',
  '办公室',
  '司法局',
  '司法所',
];

const SUFFIX_KIND: Array<readonly [string, Place['kind']]> = [
  ['自治区', 'province'],
  ['省', 'province'],
  ['自治州', 'city'],
  ['市', 'city'],
  ['新区', 'district'],
  ['区', 'district'],
  ['自治县', 'county'],
  ['县', 'county'],
  ['街道', 'street'],
  ['街', 'street'],
  ['镇', 'town'],
  ['乡', 'town'],
];

/**
 * Place names inside an issuer or title, left to right: 广州市白云区人民政府石门街道办事处 →
 * 广州市 (city), 白云区 (district), 石门街道 (street). `offset` is where `name` starts in the text.
 */
export function readPlaces(name: string, offset: number): Place[] {
  const out: Place[] = [];
  let i = 0;
  let chunkStart = 0;
  while (i < name.length) {
    const org = ORG_WORDS.find((w) => name.startsWith(w, i));
    if (org) {
      i += org.length;
      chunkStart = i;
      continue;
    }
    let matched = false;
    for (const [suffix, kind] of SUFFIX_KIND) {
      if (!name.startsWith(suffix, i)) continue;
      const end = i + suffix.length;
      // A place name has at least one character before its suffix.
      if (i - chunkStart < 1) break;
      // 新市街, 沙市区, 安乡县: a suffix character followed by another level's suffix is part of
      // the name, not the end of a place.
      const nextChar = name[end] ?? '';
      if (suffix.length === 1 && '街镇乡区县'.includes(nextChar) && suffix !== nextChar) break;
      // 石门街道: prefer 街道 over 街 so the 道 is not left dangling.
      out.push({ kind, name: name.slice(chunkStart, end), range: toRange(offset + chunkStart, offset + end) });
      i = end;
      chunkStart = i;
      matched = true;
      break;
    }
    if (!matched) i++;
    // Years and report words end the run of place names in a title.
    if (/[0-9〇年]/.test(name[i] ?? '')) break;
  }
  return out;
}

function toRange(start: number, end: number): Range {
  return { start, end };
}

/** The level of a body from its name, with the words that decided it. */
export function levelOfName(name: string): { level: Level; why: string } | null {
  const rules: Array<readonly [RegExp, Level]> = [
    [/街道办事处|街道工作委员会|街工作委员会|街道党工委|街党工委|街道$/, 'street'],
    [/镇人民政府|乡人民政府|镇党委|乡党委|镇委员会|镇$|乡$/, 'town'],
    [/区人民政府|区委员会$|区委$/, 'district'],
    [/县人民政府|县委员会$|县委$/, 'county'],
    [/市人民政府|市委员会$|市委$/, 'city'],
    [/(局|厅|办公室|委员会|中心|司法所)$/, 'department'],
  ];
  for (const [re, level] of rules) {
    const m = re.exec(name);
    if (m) return { level, why: m[0] };
  }
  return null;
}

/** The level implied by how the body refers to itself (我街, 我区 …), by frequency. */
export function levelFromSelfReference(text: string): { level: Level; why: string } | null {
  const words: Array<readonly [string, Level]> = [
    ['我街', 'street'],
    ['本街', 'street'],
    ['我镇', 'town'],
    ['本镇', 'town'],
    ['我乡', 'town'],
    ['我区', 'district'],
    ['本区', 'district'],
    ['我县', 'county'],
    ['本县', 'county'],
    ['我市', 'city'],
    ['本市', 'city'],
  ];
  let best: { level: Level; why: string; n: number } | null = null;
  for (const [w, level] of words) {
    let n = 0;
    let p = text.indexOf(w);
    while (p >= 0) {
      n++;
      p = text.indexOf(w, p + w.length);
    }
    if (n > 0 && (!best || n > best.n)) best = { level, why: w, n };
  }
  return best ? { level: best.level, why: `${best.why} ×${best.n}` } : null;
}
