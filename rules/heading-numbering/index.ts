import { z } from 'zod';
import { defineRule } from '../../src/engine/rule.js';
import type { Section } from '../../src/model/structure.js';
import { flattenSections } from '../../src/report-helpers.js';
import { isBareHeading } from '../../src/profiles/locate.js';

const CN = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五', '十六', '十七', '十八', '十九', '二十'];

/** A heading number written in the marker form of `s`: 三、 （二） 3. 3、 （3） ③. */
function markerFor(s: Section, n: number): string {
  const cn = CN[n] ?? String(n);
  switch (s.marker.kind) {
    case 'chinese-dun':
      return `${cn}、`;
    case 'chinese-paren':
      return `（${cn}）`;
    case 'arabic-dot':
      return `${n}.`;
    case 'arabic-dun':
      return `${n}、`;
    case 'arabic-paren':
      return `（${n}）`;
    case 'circled':
      return String.fromCharCode(0x2460 + n - 1);
  }
}

/** Headings are numbered consecutively in GB/T 9704 order and written in its marker forms. */
export const headingNumbering = defineRule({
  meta: {
    id: 'heading-numbering',
    type: 'layout',
    docs: {
      description: { zh: '各级标题序号应连续,层次和序号格式符合GB/T 9704', en: 'Heading numbers are consecutive, nested and written as GB/T 9704 prescribes' },
      url: 'rules/heading-numbering/README.md',
    },
    messages: {
      gap: { zh: '标题序号不连续:“{previous}”之后是“{current}”,缺少{missing}', en: 'Heading numbers skip: {current} follows {previous}, missing {missing}' },
      repeat: { zh: '标题序号重复:“{current}”与前一标题“{previous}”序号相同', en: 'Heading number repeated: {current} after {previous}' },
      backwards: { zh: '标题序号倒退:“{current}”在“{previous}”之后', en: 'Heading numbers go backwards: {current} after {previous}' },
      start: { zh: '本层标题应从{first}开始,而不是“{current}”', en: 'This level should start at {first}, not {current}' },
      skippedLevel: { zh: '“{current}”直接位于“{parent}”之下,跳过了中间层级(GB/T 9704:一、→(一)→1.→(1))', en: '{current} sits directly under {parent}, skipping a level (GB/T 9704: 一、 → （一） → 1. → （1）)' },
      trailing: { zh: '“{current}”后不应再加“{mark}”', en: 'No {mark} after {current}' },
      mixedStyle: { zh: '三级标题序号混用“1.”与“1、”,全文应统一', en: 'Level-3 headings mix 1. and 1、; use one form throughout' },
    },
    options: z.object({}),
    defaultSeverity: 'warning',
  },
  check(ctx) {
    const report = ctx.document;
    // Only the paragraphs between the two headings are read, so this stays linear in the text.
    const restartsBetween = (a: Section, b: Section): boolean => {
      for (let i = a.paragraph + 1; i < b.paragraph; i++) {
        const p = report.paragraphs[i]!;
        const leadIn = isBareHeading(report, p) || /如下:$/.test(report.normalized.slice(p.range.start, p.range.end));
        if (leadIn && (p.section === null || p.section === (b.parent ?? -1) || p.section === a.id)) return true;
      }
      return false;
    };
    const label = (s: Section): string => s.marker.text;
    const firstOf = (s: Section): string =>
      s.marker.kind === 'chinese-dun' ? '一、' : s.marker.kind === 'chinese-paren' ? '（一）' : s.marker.kind === 'arabic-paren' ? '（1）' : s.marker.kind === 'circled' ? '①' : s.marker.kind === 'arabic-dun' ? '1、' : '1.';
    const checkSiblings = (siblings: Section[], parent: Section | null): void => {
      let prev: Section | null = null;
      let skippedReported = false;
      for (const s of siblings) {
        const data = { current: label(s), previous: prev ? label(prev) : '', parent: parent ? label(parent) : '', first: firstOf(s) };
        // An unnumbered part heading (存在问题) or a lead-in (主要措施如下:) between two headings
        // starts a new list, which restarts at 1.
        if (prev && s.marker.number === 1 && restartsBetween(prev, s)) prev = null;
        if (prev && prev.level === s.level) {
          const n = s.marker.number;
          const p = prev.marker.number;
          if (n === p) ctx.report({ messageId: 'repeat', data, range: s.marker.range, evidence: { figures: [], expected: String(p + 1) } });
          else if (n < p) ctx.report({ messageId: 'backwards', data, range: s.marker.range, evidence: { figures: [], expected: String(p + 1) } });
          else if (n > p + 1) {
            const missing = Array.from({ length: Math.min(n - p - 1, 5) }, (_, i) => markerFor(s, p + 1 + i)).join('');
            ctx.report({ messageId: 'gap', data: { ...data, missing }, range: s.marker.range, evidence: { figures: [], expected: String(p + 1) } });
          }
        } else if (s.marker.number !== 1) {
          ctx.report({ messageId: 'start', data, range: s.marker.range, evidence: { figures: [], expected: '1' } });
        }
        // One writing choice, one finding: a skipped level is reported at the first child only.
        if (parent && s.level > parent.level + 1 && !skippedReported) {
          skippedReported = true;
          ctx.report({ messageId: 'skippedLevel', data, range: s.marker.range, evidence: { figures: [] }, severity: 'info' });
        }
        if (s.marker.trailing) {
          const range = { start: s.marker.range.end, end: s.marker.range.end + s.marker.trailing.length };
          ctx.report({ messageId: 'trailing', data: { ...data, mark: s.marker.trailing }, range, evidence: { figures: [] }, severity: 'info' });
        }
        prev = s;
        checkSiblings(s.children, s);
      }
    };
    checkSiblings(report.sections, null);
    // One form for level 3 in a report: report the first heading of the rarer form.
    const level3 = flattenSections(report).filter((s) => s.marker.kind === 'arabic-dot' || s.marker.kind === 'arabic-dun');
    const dots = level3.filter((s) => s.marker.kind === 'arabic-dot');
    const duns = level3.filter((s) => s.marker.kind === 'arabic-dun');
    if (dots.length > 0 && duns.length > 0) {
      const rare = dots.length < duns.length ? dots[0]! : duns[0]!;
      ctx.report({ messageId: 'mixedStyle', range: rare.marker.range, evidence: { figures: [], note: `${dots.length} × 1. and ${duns.length} × 1、` }, severity: 'info' });
    }
  },
});
