/**
 * Reads a saved web page as a report: the text a reader sees on the page (navigation, scripts,
 * hidden parts and page furniture dropped; blocks on their own lines; table cells joined by a
 * space; a source line break between two Chinese characters removed, as browsers do), an
 * `OffsetMap` from every unit of that text back into the HTML, and the page's metadata (its
 * info table and meta tags). One linear pass, no recursion. Browser-safe.
 *
 * Tags come from htmlparser2's `Tokenizer` (the streaming layer under its `Parser`), which
 * reports exact source offsets for every tag, text run and entity. The element stack is kept
 * here rather than by `Parser`, whose array stack (`unshift`/`shift`/`indexOf`) makes deeply
 * nested pages quadratic: 100,000 nested `<div>`s take seconds there, milliseconds here.
 */
import { Tokenizer, type TokenizerCallbacks } from 'htmlparser2';
import { METADATA_LABELS } from '../parse/chrome.js';
import type { SourceTable } from '../model/table.js';
import { TableCollector, oneLinePerRow } from './html-tables.js';
import { TextSink, type Snapshot } from './html-text.js';
import { mappedSource, type LoadedSource, type OffsetMap, type PageMetadata } from './source.js';

/**
 * Elements never shown, or page furniture rather than the report: dropped with their content.
 * Not `form`: ASP.NET pages wrap the whole body in one (its controls are dropped instead).
 */
const DROP_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'head',
  'title',
  'nav',
  'header',
  'footer',
  'aside',
  'button',
  'select',
  'option',
  'optgroup',
  'datalist',
  'textarea',
  'iframe',
  'frame',
  'frameset',
  'noframes',
  'noembed',
  'svg',
  'canvas',
  'object',
  'embed',
  'applet',
  'map',
  'audio',
  'video',
  'dialog',
]);

/** `header` and `footer` are page furniture only outside these (inside, they belong to the content). */
const SECTIONING = new Set(['article', 'main', 'section']);

/** ARIA roles of page furniture. */
const DROP_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'search', 'menu', 'menubar']);

/**
 * Class and id tokens of page furniture. Deliberately short: words such as `content`, `main`,
 * `article`, `text`, `head`, `top`, `links`, `list` or `box` also name containers of the report
 * itself, so they are not here. A class name or id that also has a token of `CONTENT_TOKENS`
 * (`print-content`, `share_article`) is not furniture, nor is a CSS framework's utility class
 * (`position-relative`, `font-weight-bold`, `d-print-block`): dropping the report by mistake
 * loses it silently, keeping furniture by mistake at worst adds a finding.
 */
const DROP_TOKENS = new Set([
  'nav',
  'navbar',
  'navigation',
  'menu',
  'menubar',
  'breadcrumb',
  'breadcrumbs',
  'crumb',
  'crumbs',
  'footer',
  'share',
  'bdsharebuttonbox',
  'toolbar',
  'sidebar',
  'topbar',
  'skip',
  'friendlink',
  'friendlinks',
  'yqlj',
  'wzdh', // 网站导航
  'xgxx', // 相关信息
  'xglj', // 相关链接
  'related',
  'relate',
  'relevant',
  'position', // 当前位置
  'location',
  'dqwz', // 当前位置
  'print',
  'dayin', // 打印
  'close',
  'fontsize',
  'zihao', // 字号
  'font',
]);

/** Tokens that name the report's container: a class name or id with one is never furniture. */
const CONTENT_TOKENS = new Set(['content', 'article', 'zoom', 'editor', 'zhengwen']);

/** CSS framework utility classes (Bootstrap, Tailwind) whose words look like furniture tokens. */
const UTILITY_CLASS =
  /^(?:position-(?:static|relative|absolute|fixed|sticky)|font-(?:weight-[a-z]+|italic|monospace|sans|serif|mono|thin|extralight|light|normal|medium|semibold|bold|extrabold|black)|d-print-[a-z-]+|print:.*)$/;

/** Elements with no content and no end tag. */
const VOID = new Set([
  'area',
  'base',
  'basefont',
  'br',
  'col',
  'command',
  'embed',
  'frame',
  'hr',
  'img',
  'input',
  'isindex',
  'keygen',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);

/** Block elements: text before and after them is on different lines (`p` leaves an empty line). */
const BLOCK = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'caption',
  'center',
  'dd',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'html',
  'legend',
  'li',
  'listing',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'plaintext',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'tfoot',
  'thead',
  'tr',
  'ul',
  'xmp',
]);

/**
 * Elements checked for link density: one that closes having produced the text of two or more
 * `<a>` elements and nothing else but separators is a list of links (related items, menus,
 * breadcrumbs), and everything it produced is taken back.
 */
const LINK_DENSITY = new Set(['article', 'aside', 'center', 'dd', 'div', 'dl', 'dt', 'li', 'ol', 'p', 'section', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul']);

/** Characters that may stand between links in a list of links (besides white space). */
const LINK_SEPARATORS = new Set('|｜·•・>＞»›→/／\\-－–—_、,，;；:：()（）[]［］【】〔〕{}<>＜＞《》〈〉「」『』'.split(''));

/** Elements whose white space is kept as written. */
const PRE = new Set(['pre', 'listing', 'xmp', 'plaintext']);

/** Elements that may stand in `<head>`; anything else there starts the body. */
const HEAD_CONTENT = new Set(['meta', 'link', 'title', 'style', 'script', 'noscript', 'base', 'basefont', 'bgsound', 'template']);

// Which open elements a start tag closes (the HTML rules htmlparser2's Parser applies).
const P_ONLY = new Set(['p']);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p']);
const FORM_TAGS = new Set(['input', 'option', 'optgroup', 'select', 'button', 'datalist', 'textarea']);
const DD_DT = new Set(['dd', 'dt']);
const RT_RP = new Set(['rt', 'rp']);
const TABLE_SECTIONS = new Set(['thead', 'tbody']);
const IMPLIES_CLOSE = new Map<string, Set<string>>([
  ['tr', new Set(['tr', 'th', 'td'])],
  ['th', new Set(['th'])],
  ['td', new Set(['thead', 'th', 'td'])],
  ['body', new Set(['head', 'link', 'script'])],
  ['a', new Set(['a'])],
  ['li', new Set(['li'])],
  ['p', P_ONLY],
  ['h1', HEADINGS],
  ['h2', HEADINGS],
  ['h3', HEADINGS],
  ['h4', HEADINGS],
  ['h5', HEADINGS],
  ['h6', HEADINGS],
  ['select', FORM_TAGS],
  ['input', FORM_TAGS],
  ['output', FORM_TAGS],
  ['button', FORM_TAGS],
  ['datalist', FORM_TAGS],
  ['textarea', FORM_TAGS],
  ['option', new Set(['option'])],
  ['optgroup', new Set(['optgroup', 'option'])],
  ['dd', DD_DT],
  ['dt', DD_DT],
  ['rt', RT_RP],
  ['rp', RT_RP],
  ['tbody', TABLE_SECTIONS],
  ['tfoot', TABLE_SECTIONS],
  ...['address', 'article', 'aside', 'blockquote', 'details', 'div', 'dl', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'header', 'hr', 'main', 'nav', 'ol', 'pre', 'section', 'table', 'ul'].map(
    (t) => [t, P_ONLY] as [string, Set<string>],
  ),
]);

/** Page-metadata fields by the label that gives them; later labels are fallbacks. */
const FIELD_LABELS: ReadonlyArray<[string, keyof PageMetadata]> = [
  ['名称', 'title'],
  ['标题', 'title'],
  ['发布机构', 'publisher'],
  ['成文日期', 'dateWritten'],
  ['发布日期', 'datePublished'],
  ['发布时间', 'datePublished'],
  ['索引号', 'indexNumber'],
  ['文号', 'documentNumber'],
  ['发文字号', 'documentNumber'],
];

/** `<meta name=…>` names that give page metadata (compared in lower case). */
const META_FIELDS = new Map<string, keyof PageMetadata>([
  ['articletitle', 'title'],
  ['pubdate', 'datePublished'],
  ['contentsource', 'publisher'],
]);


/** An open element (every field always set, so that frames share one shape). */
interface Frame {
  name: string;
  /** This element starts a dropped subtree. */
  drop: boolean;
  /** Line breaks it asks for at its edges when shown (0 for inline elements). */
  breaks: number;
  /** For an `<a>`: the enclosing open `<a>`, and whether this one produced text. */
  outerLink: Frame | null;
  linkText: boolean;
  /** For an element checked for link density: where it started, the enclosing checked element, and what it produced so far. */
  snapshot: Snapshot | null;
  outerChecked: Frame | null;
  links: number;
  otherText: boolean;
}

const isAsciiSpace = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x0c;
const isBlank = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0xa0 || c === 0x3000;

/** Whether `s` has a character other than white space and link separators. */
function hasOtherText(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!isAsciiSpace(c) && !isBlank(c) && !LINK_SEPARATORS.has(s[i]!)) return true;
  }
  return false;
}

/** Whether `s` has a character other than white space. */
function hasVisibleText(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!isAsciiSpace(c) && !isBlank(c)) return true;
  }
  return false;
}

/** Whether an inline style hides the element (`display:none`, `visibility:hidden`). */
function hiddenByStyle(style: string): boolean {
  for (const decl of style.split(';')) {
    const colon = decl.indexOf(':');
    if (colon < 0) continue;
    const prop = decl.slice(0, colon).trim().toLowerCase();
    const value = decl.slice(colon + 1).trim().toLowerCase();
    if (prop === 'display' && value.startsWith('none')) return true;
    if (prop === 'visibility' && (value.startsWith('hidden') || value.startsWith('collapse'))) return true;
  }
  return false;
}

/**
 * Whether a class list or id names page furniture: one of its class names has a token from
 * `DROP_TOKENS` and none from `CONTENT_TOKENS`, and is not a utility class.
 */
function furnitureName(value: string): boolean {
  for (const name of value.toLowerCase().split(/[\t\n\f\r ]+/)) {
    if (name.length === 0 || UTILITY_CLASS.test(name)) continue;
    let furniture = false;
    let content = false;
    let start = -1;
    for (let i = 0; i <= name.length; i++) {
      const c = i < name.length ? name.charCodeAt(i) : 0;
      const alnum = (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a);
      if (alnum) {
        if (start < 0) start = i;
      } else if (start >= 0) {
        const token = name.slice(start, i);
        if (DROP_TOKENS.has(token)) furniture = true;
        else if (CONTENT_TOKENS.has(token)) content = true;
        start = -1;
      }
    }
    if (furniture && !content) return true;
  }
  return false;
}

/** Why an element's content is not part of the report: `hidden` (not shown), `furniture`, or null. */
function dropReason(name: string, attrs: ReadonlyMap<string, string>, sectioning: boolean): 'hidden' | 'furniture' | null {
  if (attrs.has('hidden')) return 'hidden';
  const style = attrs.get('style');
  if (style !== undefined && hiddenByStyle(style)) return 'hidden';
  if (DROP_TAGS.has(name)) {
    if ((name === 'header' || name === 'footer') && sectioning) return null;
    if (name === 'dialog' && attrs.has('open')) return null;
    return 'furniture';
  }
  if (attrs.get('aria-hidden')?.trim().toLowerCase() === 'true') return 'furniture';
  const role = attrs.get('role');
  if (role !== undefined) {
    for (const r of role.toLowerCase().split(/[\t\n\f\r ]+/)) if (DROP_ROLES.has(r)) return 'furniture';
  }
  const cls = attrs.get('class');
  if (cls !== undefined && furnitureName(cls)) return 'furniture';
  const id = attrs.get('id');
  if (id !== undefined && furnitureName(id)) return 'furniture';
  return null;
}

/** The label of `METADATA_LABELS` at `pos` followed by a colon, and where its value starts. */
function labelAt(s: string, pos: number, end: number): { label: string; valueStart: number } | null {
  for (const label of METADATA_LABELS) {
    if (!s.startsWith(label, pos)) continue;
    let p = pos + label.length;
    while (p < end && isBlank(s.charCodeAt(p))) p++;
    const c = s.charCodeAt(p);
    if (p < end && (c === 0x3a || c === 0xff1a)) return { label, valueStart: p + 1 };
  }
  return null;
}

/** `label: value` pairs on the lines of extracted text; the first non-empty value of each label. */
function readFields(text: string): Map<string, string> {
  const found = new Map<string, string>();
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    let p = lineStart;
    while (p < lineEnd) {
      const at = p === lineStart || isBlank(text.charCodeAt(p - 1)) ? labelAt(text, p, lineEnd) : null;
      if (!at) {
        p++;
        continue;
      }
      // The value runs to the next label that follows a blank, or the end of the line.
      let q = at.valueStart;
      while (q < lineEnd && !(isBlank(text.charCodeAt(q - 1)) && labelAt(text, q, lineEnd))) q++;
      let a = at.valueStart;
      let b = q;
      while (a < b && isBlank(text.charCodeAt(a))) a++;
      while (b > a && isBlank(text.charCodeAt(b - 1))) b--;
      if (b > a && !found.has(at.label)) found.set(at.label, text.slice(a, b));
      p = q;
    }
    lineStart = lineEnd + 1;
  }
  return found;
}

/** Collapses white space runs to one space and trims. */
function squash(s: string): string {
  let out = '';
  let space = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isAsciiSpace(c)) space = out.length > 0;
    else {
      if (space) out += ' ';
      space = false;
      out += s[i];
    }
  }
  return out;
}

/**
 * The walk over an HTML page's tokens: the stack of open elements (kept here, not by htmlparser2's
 * `Parser`), what is dropped, the `<pre>` and foreign-content depths, link density, the page's
 * `<title>` and meta tags. It is the tokenizer's callbacks object; visible text goes to a
 * `TextSink`, tables to a `TableCollector`.
 */
class PageWalker implements TokenizerCallbacks {
  /** The text being written. */
  readonly out = new TextSink();
  /** The tables followed on the way. */
  readonly tables = new TableCollector();
  /** Meta tags read (`<meta name=…>`), by the metadata field they fill. */
  readonly meta = new Map<keyof PageMetadata, string>();
  /** The `<title>`'s text, or null when there is none. */
  titleText: string | null = null;

  private readonly stack: Frame[] = [];
  /** How many elements of each name are open. */
  private readonly open = new Map<string, number>();
  /** Open elements that start a dropped subtree, open `<pre>`s, open `<svg>`/`<math>`, open sectioning elements. */
  private dropping = 0;
  private preDepth = 0;
  private foreignDepth = 0;
  private sectioning = 0;
  /** A line feed right after `<pre>` is not content. */
  private skipFirstLF = false;
  private inTitle = false;
  /** The innermost open `<a>`, and the innermost open element checked for link density. */
  private link: Frame | null = null;
  private checked: Frame | null = null;
  // The tag being read by the tokenizer.
  private tagName = '';
  private tagStart = 0;
  private attrs = new Map<string, string>();
  private attrName = '';
  private attrValue = '';

  constructor(private readonly html: string) {}

  /** Closes every element still open at the end of the page. */
  end(): void {
    while (this.stack.length > 0) this.pop(this.html.length, this.html.length);
  }

  private count(name: string): number {
    return this.open.get(name) ?? 0;
  }

  private write(s: string, srcStart: number, srcEnd: number): void {
    const at = this.out.write(s, srcStart, srcEnd);
    this.tables.wrote(at, this.out.length);
    // What the text counts as for link density: link text, or other text of the checked element.
    if (this.link !== null) this.link.linkText ||= hasVisibleText(s);
    else if (this.checked !== null && !this.checked.otherText) this.checked.otherText = hasOtherText(s);
  }

  /** A block edge: at least `n` line breaks before the next text (none inside a dropped element). */
  private requireBreaks(n: number, s: number, e: number): void {
    if (this.dropping === 0) this.out.requireBreaks(n, s, e);
  }

  /** A `<br>`: one more line break (at most one empty line). */
  private lineBreak(s: number, e: number): void {
    if (this.dropping === 0) this.out.lineBreak(s, e);
  }

  /** Visible text `data` found at [s, e) of the HTML; one to one when `e - s` is its length. */
  private text(data: string, s: number, e: number): void {
    if (this.inTitle) this.titleText = (this.titleText ?? '') + data;
    if (data.length === 0) return;
    const { out, stack } = this;
    if (stack.length > 0 && stack[stack.length - 1]!.name === 'head') {
      // Text in <head> starts the body, as in a browser.
      let visible = false;
      for (let i = 0; i < data.length && !visible; i++) visible = !isAsciiSpace(data.charCodeAt(i));
      if (!visible) return;
      this.closeThrough('head', s);
    }
    if (this.dropping > 0) return;
    if (e - s !== data.length) {
      // An entity (or other folded source): every unit maps to the whole span.
      if (data.length === 1 && isAsciiSpace(data.charCodeAt(0)) && this.preDepth === 0) out.space(s, e, hasSegmentBreak(data, 0, 1));
      else if (this.preDepth > 0 && (data === '\n' || data === '\r')) {
        out.flush(-1);
        out.writeNewline(s, e);
      } else this.write(data, s, e);
      this.skipFirstLF = false;
      return;
    }
    let i = 0;
    const n = data.length;
    if (this.preDepth > 0) {
      if (this.skipFirstLF) {
        if (data.charCodeAt(0) === 0x0a) i = 1;
        else if (data.charCodeAt(0) === 0x0d) i = data.charCodeAt(1) === 0x0a ? 2 : 1;
      }
      this.skipFirstLF = false;
      while (i < n) {
        const c = data.charCodeAt(i);
        if (c === 0x0a || c === 0x0d) {
          const len = c === 0x0d && data.charCodeAt(i + 1) === 0x0a ? 2 : 1;
          out.flush(-1);
          out.writeNewline(s + i, s + i + len);
          i += len;
        } else {
          let j = i + 1;
          let blank = isAsciiSpace(c);
          for (; j < n && data.charCodeAt(j) !== 0x0a && data.charCodeAt(j) !== 0x0d; j++) blank &&= isAsciiSpace(data.charCodeAt(j));
          if (out.started || !blank) this.write(data.slice(i, j), s + i, s + j); // no blank line first
          i = j;
        }
      }
      return;
    }
    this.skipFirstLF = false;
    while (i < n) {
      let j = i + 1;
      if (isAsciiSpace(data.charCodeAt(i))) {
        while (j < n && isAsciiSpace(data.charCodeAt(j))) j++;
        out.space(s + i, s + j, hasSegmentBreak(data, i, j));
      } else {
        while (j < n && !isAsciiSpace(data.charCodeAt(j))) j++;
        this.write(data.slice(i, j), s + i, s + j);
      }
      i = j;
    }
  }

  /** Pops the top element; its end tag (or whatever closed it) is at [s, e). */
  private pop(s: number, e: number): void {
    const f = this.stack.pop()!;
    this.tables.closed(f, this.out.length);
    this.open.set(f.name, this.count(f.name) - 1);
    if (f.drop) this.dropping--;
    if (PRE.has(f.name)) this.preDepth--;
    if (f.name === 'svg' || f.name === 'math') this.foreignDepth--;
    if (SECTIONING.has(f.name)) this.sectioning--;
    if (f.name === 'title' && this.inTitle) this.inTitle = false;
    if (f.name === 'a') {
      this.link = f.outerLink;
      if (f.linkText && this.checked !== null) this.checked.links++;
    }
    if (f.snapshot !== null) {
      // A list of links: take back all it produced. Its counts go to the enclosing element.
      this.checked = f.outerChecked;
      if (f.links >= 2 && !f.otherText) {
        this.out.restore(f.snapshot);
        this.tables.takeBack(f.snapshot.length);
      }
      if (this.checked !== null) {
        this.checked.links += f.links;
        this.checked.otherText ||= f.otherText;
      }
    }
    if (f.breaks > 0) this.requireBreaks(f.breaks, s, e);
  }

  /** Closes open elements down to and including the innermost `name` (which must be open). */
  private closeThrough(name: string, at: number, end = at): void {
    if (this.count(name) === 0) return;
    while (this.stack.length > 0) {
      const top = this.stack[this.stack.length - 1]!.name;
      this.pop(at, end);
      if (top === name) return;
    }
  }

  private openTag(name: string, attrs: Map<string, string>, s: number, e: number, selfClosing: boolean): void {
    const { out, stack } = this;
    this.skipFirstLF = false;
    if (name === 'form' && this.count('form') > 0) return; // a nested <form> is ignored
    if (this.count('head') > 0) {
      if (name === 'body' || (stack[stack.length - 1]!.name === 'head' && !HEAD_CONTENT.has(name))) this.closeThrough('head', s);
    }
    const implied = IMPLIES_CLOSE.get(name);
    if (implied) while (stack.length > 0 && implied.has(stack[stack.length - 1]!.name)) this.pop(s, e);

    if (name === 'meta' && this.foreignDepth === 0) {
      const field = META_FIELDS.get((attrs.get('name') ?? '').trim().toLowerCase());
      const content = squash(attrs.get('content') ?? '');
      if (field && content && !this.meta.has(field)) this.meta.set(field, content);
    }

    const reason = this.dropping === 0 ? dropReason(name, attrs, this.sectioning > 0) : null;
    const breaks = reason === 'hidden' ? 0 : name === 'p' ? 2 : BLOCK.has(name) ? 1 : 0;
    if (name === 'br') this.lineBreak(s, e);
    else if (breaks > 0) this.requireBreaks(breaks, s, e);
    else if ((name === 'td' || name === 'th') && reason === null) out.space(s, e, false, true);
    else if (name === 'img' && reason === null && this.dropping === 0) {
      // An image is a neighbour that is not a wide character: white space next to it stays a space.
      out.nonCharacter();
    }
    if (VOID.has(name)) return;

    const check = reason === null && this.dropping === 0 && LINK_DENSITY.has(name);
    const frame: Frame = {
      name,
      drop: reason !== null,
      breaks,
      outerLink: this.link,
      linkText: false,
      snapshot: check ? out.snapshot() : null,
      outerChecked: this.checked,
      links: 0,
      otherText: false,
    };
    if (name === 'a') this.link = frame;
    if (check) this.checked = frame;
    stack.push(frame);
    if (this.foreignDepth === 0) this.tables.opened(name, attrs, frame, out.length);
    this.open.set(name, this.count(name) + 1);
    if (reason !== null) this.dropping++;
    if (PRE.has(name)) {
      this.preDepth++;
      this.skipFirstLF = true;
    }
    if (name === 'svg' || name === 'math') this.foreignDepth++;
    if (SECTIONING.has(name)) this.sectioning++;
    if (name === 'title' && this.titleText === null && this.foreignDepth === 0) {
      this.inTitle = true;
      this.titleText = '';
    }
    if (selfClosing && this.foreignDepth > 0) this.pop(s, e);
  }

  private closeTag(name: string, s: number, e: number): void {
    this.skipFirstLF = false;
    if (VOID.has(name)) {
      if (name === 'br') this.lineBreak(s, e); // </br> is a <br>
      return;
    }
    if (this.count(name) > 0) {
      while (this.stack.length > 0) {
        const top = this.stack[this.stack.length - 1]!.name;
        this.pop(s, e);
        if (top === name) return;
      }
    } else if (name === 'p') this.requireBreaks(2, s, e); // </p> alone is an empty paragraph
  }

  private finishOpen(endIndex: number, selfClosing: boolean): void {
    const name = this.tagName;
    this.tagName = '';
    if (name) this.openTag(name, this.attrs, this.tagStart, endIndex + 1, selfClosing);
  }

  // Tokenizer callbacks.
  onattribdata(start: number, endIndex: number): void {
    this.attrValue += this.html.slice(start, endIndex);
  }
  onattribentity(codepoint: number): void {
    this.attrValue += String.fromCodePoint(codepoint);
  }
  onattribend(): void {
    if (!this.attrs.has(this.attrName)) this.attrs.set(this.attrName, this.attrValue);
    this.attrValue = '';
  }
  onattribname(start: number, endIndex: number): void {
    this.attrName = this.html.slice(start, endIndex).toLowerCase();
    this.attrValue = '';
  }
  oncdata(start: number, endIndex: number, endOffset: number): void {
    // CDATA is text only inside <svg> or <math> (elsewhere it is a comment).
    if (this.foreignDepth > 0) this.text(this.html.slice(start, endIndex - endOffset), start, endIndex - endOffset);
  }
  onclosetag(start: number, endIndex: number): void {
    let name = this.html.slice(start, endIndex).toLowerCase();
    if (name === 'image') name = 'img';
    const gt = this.html.indexOf('>', endIndex);
    this.closeTag(name, start - 2, gt < 0 ? this.html.length : gt + 1);
  }
  oncomment(): void {}
  ondeclaration(): void {}
  onend(): void {}
  onopentagend(endIndex: number): void {
    this.finishOpen(endIndex, false);
  }
  onopentagname(start: number, endIndex: number): void {
    this.tagName = this.html.slice(start, endIndex).toLowerCase();
    if (this.tagName === 'image') this.tagName = 'img';
    this.tagStart = start - 1;
    this.attrs = new Map();
  }
  onprocessinginstruction(): void {}
  onselfclosingtag(endIndex: number): void {
    this.finishOpen(endIndex, true);
  }
  ontext(start: number, endIndex: number): void {
    // A tag cut off by the end after `/` (`<b/`) comes as text from -1: dropped, as in a browser.
    if (start < 0) return;
    this.text(this.html.slice(start, endIndex), start, endIndex);
  }
  ontextentity(codepoint: number, endIndex: number): void {
    const start = this.html.lastIndexOf('&', endIndex - 1);
    this.text(String.fromCodePoint(codepoint), start < 0 ? endIndex : start, endIndex);
  }
  isInForeignContext(): boolean {
    return this.foreignDepth > 0;
  }
}

/** Whether `data[i, j)` holds a line feed or carriage return (a segment break). */
function hasSegmentBreak(data: string, i: number, j: number): boolean {
  for (let k = i; k < j; k++) {
    const c = data.charCodeAt(k);
    if (c === 0x0a || c === 0x0d) return true;
  }
  return false;
}

/** Extracts the text a reader sees on an HTML page, its map back into the HTML, the page's metadata (or null), and its tables of figures. */
export function extractHtml(html: string): { text: string; map: OffsetMap; page: PageMetadata | null; tables: SourceTable[] } {
  const walker = new PageWalker(html);
  const tokenizer = new Tokenizer({ decodeEntities: true }, walker);
  tokenizer.write(html);
  tokenizer.end();
  walker.end();

  // No trailing blank lines (or trailing spaces kept from <pre>); each row of a table of figures on one line.
  let shown = walker.out.finish(isAsciiSpace);
  const grids = walker.tables.tables(shown.length);
  if (grids.length > 0) shown = oneLinePerRow(shown, grids);

  // Metadata: the page's visible labels first, then its meta tags, then <title>.
  const page: PageMetadata = {};
  const fields = readFields(shown);
  for (const [label, key] of FIELD_LABELS) {
    const value = fields.get(label);
    if (value !== undefined && page[key] === undefined) page[key] = value;
  }
  for (const [key, value] of walker.meta) if (page[key] === undefined) page[key] = value;
  if (page.title === undefined && walker.titleText !== null) {
    const t = squash(walker.titleText);
    if (t) page.title = t;
  }
  return { text: shown, map: walker.out.map, page: Object.keys(page).length > 0 ? page : null, tables: grids };
}

/** Loads a saved HTML page as a report source whose positions map back into the HTML. */
export function loadHtml(path: string, html: string, encoding: string | null): LoadedSource {
  const { text, map, page, tables } = extractHtml(html);
  return mappedSource({ path, format: 'html', encoding, text, sourceText: html, page, tables }, map);
}
