import { z } from 'zod';
import { expectedPlace } from '../../src/profiles/locate.js';
import { defineRule } from '../../src/engine/rule.js';
import type { Section } from '../../src/model/structure.js';

/** The section right after `s` among its siblings, or null. */
function nextSibling(roots: readonly Section[], s: Section): Section | null {
  const find = (list: readonly Section[]): Section | null | undefined => {
    const i = list.indexOf(s);
    if (i >= 0) return list[i + 1] ?? null;
    for (const c of list) {
      const r = find(c.children);
      if (r !== undefined) return r;
    }
    return undefined;
  };
  return find(roots) ?? null;
}

/** Every content item the document profile requires is present (厅字〔2019〕28号 第二十五条). */
export const requiredSections = defineRule({
  meta: {
    id: 'required-sections',
    type: 'problem',
    docs: {
      description: { zh: '年度报告应包含规定要求的各项内容', en: 'The report contains every content item its regulation requires' },
      url: 'rules/required-sections/README.md',
    },
    messages: {
      missing: {
        zh: '缺少“{item}”部分,{where}({regulation}{clause}要求报告该项内容)',
        en: 'Missing the part on {itemEn}, {whereEn} ({regulation} {clause} requires it)',
      },
      noCauses: {
        zh: '“{heading}”只写了问题,未分析原因({regulation}{clause}要求报告“存在的不足和原因”)',
        en: '“{heading}” lists problems but not their causes ({regulation} {clause} asks for shortcomings and their causes)',
      },
    },
    options: z.object({
      /** Item ids not to require, e.g. `["first-responsible"]` for a department's report. */
      skip: z.array(z.string()).default([]),
    }),
    defaultSeverity: 'error',
  },
  check(ctx) {
    const active = ctx.profile;
    if (!active) return;
    const { profile } = active;
    const regulation = profile.regulation ?? '';
    for (const item of profile.items) {
      if (!item.required || ctx.options.skip.includes(item.id)) continue;
      const found = ctx.items.get(item.id);
      const data = { item: item.name.zh, itemEn: item.name.en, regulation, clause: item.clause ?? '' };
      if (!found) {
        const place = expectedPlace(ctx.document, profile, new Map(ctx.items), item.id);
        // A heading to come before, or the end of the part it should follow.
        const before = place.end > place.start;
        ctx.report({
          messageId: 'missing',
          data: { ...data, where: before ? '应置于此处之前' : '应补在此处', whereEn: before ? 'expected before this point' : 'expected here' },
          range: place,
          evidence: {
            figures: [],
            expected: item.name.zh,
            note: `no heading with ${item.headings.join('/')}${item.paragraphs.length ? `, no paragraph opening with ${item.paragraphs.join('/')}` : ''}${item.satisfiedByTitle ? ', and not in the title' : ''}`,
          },
        });
        continue;
      }
      if (item.causes && found.via !== 'title') {
        const text = ctx.document.normalized.slice(found.span.start, found.span.end);
        // Causes may have a part of their own right after: 二、存在的不足 / 三、问题产生的原因.
        const next = found.section ? nextSibling(ctx.document.sections, found.section) : null;
        const nextHeading = next ? ctx.document.normalized.slice(next.headingRange.start, next.headingRange.end) : '';
        if (!item.causes.some((w) => text.includes(w) || nextHeading.includes(w))) {
          const heading = found.section
            ? ctx.document.text.slice(found.section.headingRange.start, found.section.headingRange.end)
            : ctx.document.text.slice(found.range.start, found.range.end);
          ctx.report({
            messageId: 'noCauses',
            data: { ...data, heading },
            range: found.range,
            evidence: { figures: [], expected: item.causes.join('/'), note: 'neither the heading nor its section names a cause' },
          });
        }
      }
    }
  },
});
