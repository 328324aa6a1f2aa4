import type { Range } from '../model/range.js';
import { byFirstUnit, codeSet } from '../text/chars.js';

/** Labels of the metadata table on government information-disclosure pages. */
export const METADATA_LABELS = [
  '索引号',
  '分类',
  '发布机构',
  '成文日期',
  '信息索引号',
  '名称',
  '标题',
  '文号',
  '发文字号',
  '发布日期',
  '发布时间',
  // A page's own date line (日期:2026-02-03 under the title) is its publication date.
  '日期',
  '作者',
  '主题词',
  '主题分类',
  '体裁分类',
  '组配分类',
  '服务对象分类',
  '浏览次数',
  '信息来源',
  '来源',
  '生效日期',
  '废止日期',
  '有效性',
  '公开方式',
  '公开范围',
  '时效',
  '责任部门',
] as const;

/** Labels whose value is a date: a value on the next line must start with one. */
const DATE_LABELS: ReadonlySet<string> = new Set(['成文日期', '发布日期', '发布时间', '日期', '生效日期', '废止日期']);

/** Whether a label's value is a date. */
export function isDateLabel(label: string): boolean {
  return DATE_LABELS.has(label);
}

/** List bullets a flattened page puts before a label (• 发布日期:). */
const BULLETS = '•·●▪■◆-*';
const BULLET_CODES = codeSet(BULLETS);

/** A `label: value` field on a metadata line. */
export interface MetadataField {
  label: string;
  value: string;
  valueRange: Range;
}

/** Words that mark page furniture wherever they stand at the start of a line. */
const CHROME_STARTS = [
  '【',
  '打印',
  '关闭',
  '附件:',
  '分享:',
  '分享到',
  '文章来源',
  '来源:',
  '字体:',
  '字号:',
  '责任编辑',
  '扫码',
  '[打印]',
  '[关闭]',
  '政策解读',
  '相关链接',
  '相关文件',
  '相关稿件',
  '扫一扫',
  '分享到',
  '打印本页',
  '关闭窗口',
  '上一篇',
  '下一篇',
  '网站地图',
  '版权所有',
  '主办单位',
  '网站标识码',
  '当前位置',
  '您当前的位置',
  '首页',
];

const CHROME_BY_FIRST = byFirstUnit(CHROME_STARTS);

const MENU_WORDS = ['无障碍', '长者助手', '我的收藏', '收藏', '政府信息公开', '规章库', '繁体', '简体', '登录', '注册', 'English'];

const LABELS_BY_FIRST = byFirstUnit(METADATA_LABELS);
const NO_WORDS: readonly string[] = [];

function labelAt(s: string, pos: number, end: number): { label: string; valueStart: number } | null {
  for (const label of LABELS_BY_FIRST.get(s.charCodeAt(pos)) ?? NO_WORDS) {
    if (!s.startsWith(label, pos)) continue;
    let p = pos + label.length;
    while (p < end && s.charCodeAt(p) === 0x20) p++;
    if (s[p] === ':') return { label, valueStart: p + 1 };
  }
  return null;
}

/**
 * Reads a metadata line (`索引号: … 分类:`, or `• 发布日期:` from a flattened list). Returns its
 * fields, or null when the line does not start with a known label followed by a colon.
 */
export function readMetadataLine(s: string, line: Range): MetadataField[] | null {
  let start = line.start;
  if (BULLET_CODES.has(s.charCodeAt(start))) {
    start++;
    while (start < line.end && s.charCodeAt(start) === 0x20) start++;
  }
  const first = labelAt(s, start, line.end);
  if (!first) return null;
  const fields: MetadataField[] = [];
  let current = first;
  let p = first.valueStart;
  for (;;) {
    // The value runs to the next label that follows a blank, or the end of the line.
    let next: { label: string; valueStart: number; at: number } | null = null;
    let q = p;
    while (q < line.end) {
      if (s.charCodeAt(q) === 0x20) {
        let r = q;
        while (r < line.end && s.charCodeAt(r) === 0x20) r++;
        const l = labelAt(s, r, line.end);
        if (l) {
          next = { ...l, at: r };
          break;
        }
        q = r;
      } else q++;
    }
    const valueEnd = next ? next.at : line.end;
    let a = current.valueStart;
    let b = valueEnd;
    while (a < b && s.charCodeAt(a) === 0x20) a++;
    while (b > a && s.charCodeAt(b - 1) === 0x20) b--;
    fields.push({ label: current.label, value: s.slice(a, b), valueRange: { start: a, end: b } });
    if (!next) break;
    current = next;
    p = next.valueStart;
  }
  return fields;
}

/** Whether a line is page furniture by its first word (【打印】, 政策解读, 扫一扫 …). */
export function isChromeLine(s: string, line: Range): boolean {
  for (const w of CHROME_BY_FIRST.get(s.charCodeAt(line.start)) ?? NO_WORDS) if (s.startsWith(w, line.start)) return true;
  return false;
}

/** Whether a short line is made of menu words separated by blanks. */
export function isMenuLine(s: string, line: Range): boolean {
  const text = s.slice(line.start, line.end);
  const words = text.split(' ').filter((w) => w.length > 0);
  if (words.length === 0 || text.length > 60) return false;
  let hits = 0;
  for (const w of words) if (MENU_WORDS.some((m) => w.includes(m))) hits++;
  return hits > 0 && hits * 2 >= words.length;
}
