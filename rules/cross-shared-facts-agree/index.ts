import { z } from 'zod';
import { parentPlace, samePlace } from '../../src/cross/link.js';
import { countsWholeDistrict, townCount } from '../../src/cross/fact-helpers.js';
import { defineCrossRule, type CrossDoc } from '../../src/cross/rule.js';

/** Nouns that make a quoted name a district-wide platform or system: “令行禁止、有呼必应”综合指挥调度平台. */
const PLATFORM_NOUNS = ['平台', '系统', '中心', '热线', '机制'];

/** Quoted names followed by a platform noun, with the words between (综合指挥调度) and any version. */
function platforms(doc: CrossDoc): Array<{ name: string; phrase: string; version: string | null; range: { start: number; end: number } }> {
  const s = doc.report.normalized;
  const out: Array<{ name: string; phrase: string; version: string | null; range: { start: number; end: number } }> = [];
  let from = 0;
  for (;;) {
    // Full-width quotes, or a pair of half-width ones.
    const curly = s.indexOf('“', from);
    const straight = s.indexOf('"', from);
    const open = curly < 0 ? straight : straight < 0 ? curly : Math.min(curly, straight);
    if (open < 0) break;
    const close = s.indexOf(s[open] === '"' ? '"' : '”', open + 1);
    if (close < 0 || close - open > 30) {
      from = open + 1;
      continue;
    }
    from = close + 1;
    const tail = s.slice(close + 1, close + 13);
    const noun = PLATFORM_NOUNS.map((n) => ({ n, at: tail.indexOf(n) })).filter((x) => x.at >= 0).sort((a, b) => a.at - b.at)[0];
    // “穗好办”等平台 lists it among others; it does not rename it.
    if (!noun || /[,。;、]/.test(tail.slice(0, noun.at)) || tail.startsWith('等')) continue;
    const end = close + 1 + noun.at + noun.n.length;
    // A version right after the name, unless the text goes on to an upgrade (1.0版已升级为2.0版):
    // then the version named is history.
    const version = /升级|更新|迭代/.test(s.slice(end, end + 16)) ? null : /^([0-9.]+)版/.exec(s.slice(end, end + 6));
    out.push({ name: s.slice(open + 1, close), phrase: s.slice(close + 1, end), version: version ? version[1]! : null, range: { start: open, end: version ? end + version[0].length : end } });
  }
  return out;
}

/** District-wide platforms and counts a street cites agree with the district's own wording. */
export const crossSharedFactsAgree = defineCrossRule({
  meta: {
    id: 'cross-shared-facts-agree',
    type: 'suggestion',
    docs: { description: { zh: '街道引用的全区性平台、数据应与区报告的表述一致', en: "District-wide platforms and counts a street cites agree with the district's wording" }, url: 'rules/cross-shared-facts-agree/README.md' },
    messages: {
      wording: { zh: '“{name}”{phrase}在上级报告中称为“{name}”{parentPhrase}', en: '“{name}”{phrase} is called “{name}”{parentPhrase} in the parent report' },
      version: { zh: '“{name}”{phrase}的版本为{version},上级报告为{parentVersion}', en: '“{name}”{phrase} is version {version} here but {parentVersion} in the parent report' },
      count: { zh: '本报告称全区有{child}镇街,上级报告为{parent}', en: 'This report counts {child} towns and streets; its parent says {parent}' },
    },
    options: z.object({}),
    defaultSeverity: 'warning',
  },
  checkCross(ctx) {
    for (const { child, parent } of ctx.links) {
      // A street of another year or another district may rightly name another version or count;
      // cross-year-matches and cross-parent-matches report the mismatch itself.
      const [cy, py] = [child.report.metadata.reportingYear?.year, parent.report.metadata.reportingYear?.year];
      if (cy !== undefined && py !== undefined && cy !== py) continue;
      if (!samePlace(child.report, parent.report) && parentPlace(child.report)) continue;
      const theirs = platforms(parent);
      for (const mine of platforms(child)) {
        const same = theirs.filter((t) => t.name === mine.name);
        if (same.length === 0) continue;
        const wordingHolds = same.some((t) => t.phrase === mine.phrase);
        const first = same[0]!;
        ctx.compare({
          document: child.id,
          others: [parent.id],
          what: `“${mine.name}”${mine.phrase}`,
          verdict: wordingHolds ? 'holds' : 'fails',
          evidence: { figures: [], computed: mine.phrase, expected: same.map((t) => t.phrase).join(' / ') },
          range: mine.range,
        });
        if (!wordingHolds) {
          ctx.report({
            document: child.id,
            messageId: 'wording',
            data: { name: mine.name, phrase: mine.phrase, parentPhrase: first.phrase },
            range: mine.range,
            evidence: { figures: [], computed: mine.phrase, expected: first.phrase },
            related: [{ range: first.range, message: `“${first.name}”${first.phrase}`, document: parent.id }],
            severity: 'info',
          });
        }
        // The district's current version is its highest: 在2.0版基础上,升级建成3.0版.
        const versioned = same.filter((t) => t.version).sort((a, b) => Number(b.version) - Number(a.version))[0];
        if (mine.version && versioned) {
          ctx.compare({
            document: child.id,
            others: [parent.id],
            what: `“${mine.name}”${mine.phrase} version`,
            verdict: versioned.version === mine.version ? 'holds' : 'fails',
            evidence: { figures: [], computed: mine.version, expected: versioned.version! },
            range: mine.range,
          });
        }
        if (mine.version && versioned && versioned.version !== mine.version) {
          ctx.report({
            document: child.id,
            messageId: 'version',
            data: { name: mine.name, phrase: mine.phrase, version: mine.version, parentVersion: versioned.version! },
            range: mine.range,
            evidence: { figures: [], computed: mine.version, expected: versioned.version! },
            related: [{ range: versioned.range, message: `${versioned.version}版`, document: parent.id }],
          });
        }
      }
      // The number of 镇街 is the district's to state; a street citing it must agree.
      const theirCount = townCount(parent);
      // Only a street's statement of the district's total (全区24个镇街), not 联合周边3个镇街.
      const cited = child.facts.filter((x) => x.metric === 'towns-and-streets' && !x.zero && countsWholeDistrict(child, x));
      for (const f of cited) {
        if (!theirCount) continue;
        const holds = f.interval.lo.lte(theirCount.interval.hi) && theirCount.interval.lo.lte(f.interval.hi);
        ctx.compare({ document: child.id, others: [parent.id], what: `镇街: ${f.text} = ${theirCount.text}`, verdict: holds ? 'holds' : 'fails', evidence: { figures: [], computed: f.value, expected: theirCount.value }, range: f.range });
        if (!holds) {
          ctx.report({
            document: child.id,
            messageId: 'count',
            data: { child: f.text, parent: theirCount.text },
            range: f.range,
            evidence: { figures: [], computed: f.value, expected: theirCount.value },
            related: [{ range: theirCount.range, message: theirCount.text, document: parent.id }],
          });
        }
      }
    }
  },
});
