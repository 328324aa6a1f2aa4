import { z } from 'zod';
import { defineRule } from '../../src/engine/rule.js';
import type { Range } from '../../src/model/range.js';
import type { Report } from '../../src/model/report.js';

/** Where a document-level note goes: the title, else the first sentence of the text, else its start. */
function startOfDocument(report: Report): Range {
  if (report.metadata.title) return report.metadata.title.range;
  const first = report.paragraphs.find((p) => (p.role === 'body' || p.role === 'heading') && p.sentences.length > 0);
  if (first) return report.sentences[first.sentences[0]!]!.range;
  return { start: 0, end: 0 };
}

/**
 * A text that no document profile recognises gets one note saying its structure was not checked,
 * so that a run with no findings on it is not read as a clean report.
 */
export const documentKind = defineRule({
  meta: {
    id: 'document-kind',
    type: 'suggestion',
    docs: {
      description: { zh: '未识别报告类型时说明未做结构检查', en: 'Says when a text is of no known report kind, so its structure was not checked' },
      url: 'rules/document-kind/README.md',
    },
    messages: {
      unrecognized: {
        zh: '未识别为法治政府建设年度报告等已知报告类型,未做结构检查',
        en: 'Not recognised as an annual report on building law-based government or another known report kind: its structure was not checked',
      },
    },
    options: z.object({}),
    defaultSeverity: 'info',
  },
  check(ctx) {
    if (ctx.profile) return;
    ctx.report({
      messageId: 'unrecognized',
      range: startOfDocument(ctx.document),
      evidence: {
        figures: [],
        note: 'no document profile matches the title or body: required parts, signature, plan year and deadlines were not checked',
      },
    });
  },
});
