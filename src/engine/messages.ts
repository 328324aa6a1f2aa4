/** The languages of user-facing messages. */
export type Locale = 'zh' | 'en';

/** A message template in both locales, with `{placeholder}`s. */
export interface MessageTemplate {
  zh: string;
  en: string;
}

/** Fills `{name}` placeholders; unknown names are left as written so a typo shows. */
export function formatMessage(template: string, data: Record<string, string | number> = {}): string {
  let out = '';
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{', i);
    if (open < 0) break;
    const close = template.indexOf('}', open + 1);
    if (close < 0) break;
    const key = template.slice(open + 1, close);
    out += template.slice(i, open);
    out += Object.prototype.hasOwnProperty.call(data, key) ? String(data[key]) : template.slice(open, close + 1);
    i = close + 1;
  }
  return out + template.slice(i);
}
