/**
 * The web page's checking worker: reads the chosen files, checks them together as `jiaohe check`
 * does (so a district and its streets are cross-checked), and hands the page plain data ready to
 * show. It runs in a Web Worker so that a large batch never freezes the page; it also makes the
 * downloads (HTML report, CSV, commented Word copies), which can take a while on big files.
 *
 * Files are read through the browser's format registry (src/io/formats/index.ts), which leaves
 * out the Node-only .doc reader; a legacy Word file is recognised and refused with a message.
 * pdf.js itself (1.7 MB) comes in a separate script loaded only when a PDF is chosen.
 */
import { BUILTIN_CROSS_RULES, BUILTIN_RULES } from '../../rules/index.js';
import { checkReports } from '../builtin.js';
import type { Claim } from '../claims/schema.js';
import { cliMessage, DECODE_MESSAGE_IDS } from '../cli/messages.js';
import type { Diagnostic } from '../engine/diagnostic.js';
import type { Locale } from '../engine/messages.js';
import { checkedDocuments } from '../io/checked-documents.js';
import { DecodeError } from '../io/decode.js';
import { annotatedName } from '../io/annotated-name.js';
import { annotateDocx } from '../io/docx-annotate.js';
import { chooseFormat, formatOfName, inputFormat } from '../io/formats/index.js';
import { isOle, LEGACY_WORD_EXTENSIONS } from '../io/formats/ole.js';
import { MAX_INPUT_BYTES } from '../io/limits.js';
import type { LoadedSource } from '../io/source.js';
import { countDigitRuns, MAX_DIGIT_RUNS } from '../parse/limits.js';
import { BUILTIN_PROFILES } from '../profiles/builtin.js';
import { flattenSections } from '../report-helpers.js';
import { formatCsv } from '../report/csv.js';
import { summarize, type CheckedDocument } from '../report/document.js';
import { commentBody, findingRows, kindText } from '../report/finding-text.js';
import { formatHtml } from '../report/html.js';
import { placeOf, placeText } from '../report/place.js';
import { summaryLine } from '../report/stylish.js';
import type { FromWorker, KindInfo, RuleInfo, ToWorker, WebClaim, WebDoc, WebFile, WebFinding, WebMark, WebSettings } from './protocol.js';
import { fill } from './i18n.js';

/** The package's version, put here by scripts/build-web.mjs. */
declare const JIAOHE_VERSION: string;
const VERSION = typeof JIAOHE_VERSION === 'string' ? JIAOHE_VERSION : '0.0.0';

/** The part of a dedicated worker's global scope used here (the project's types are the DOM's). */
interface WorkerScope {
  postMessage(message: FromWorker, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
  importScripts(...urls: string[]): void;
  /** unpdf, once src/web/pdf.ts has run. */
  jiaohePdfjs?: unknown;
}
const scope = globalThis as unknown as WorkerScope;


const post = (message: FromWorker, transfer?: Transferable[]): void => scope.postMessage(message, transfer);

/** Why a file could not be read, in the page's language. */
class ReadError extends Error {}

const WORDS = {
  zh: {
    docUnsupported: '{name}: 网页版不能读取 Word 97–2003 / WPS(.doc、.wps)文件;请在 Word 或 WPS 中另存为 .docx 后再选择,或用命令行 jiaohe check 检查',
    pdfUnavailable: '{name}: 本页面缺少 PDF 读取组件,无法读取 PDF',
    roles: {
      total: '总数',
      part: '分项',
      numerator: '分子',
      base: '分母',
      rate: '比率',
      count: '数量',
      growth: '增幅',
      prior: '上年数',
      change: '变化',
      from: '原值',
      to: '现值',
      restatement: '复述',
      whole: '总体',
      first: '首次所述',
      parent: '上级报告',
      child: '下级报告',
    } as Record<string, string>,
  },
  en: {
    docUnsupported: '{name}: the web page cannot read Word 97–2003 / WPS files (.doc, .wps); save it as .docx in Word or WPS and choose that, or check it with the command line (jiaohe check)',
    pdfUnavailable: '{name}: this page lacks its PDF reader and cannot read PDF files',
    roles: {} as Record<string, string>,
  },
};


/** The extension of a file name, lower case with its dot, or ''. */
function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot).toLowerCase();
}

/** Loads pdf.js (the separate script the page passes along with its first PDF) into this worker, once. */
function loadPdfjs(name: string, locale: Locale, source: string | undefined): void {
  if (scope.jiaohePdfjs) return;
  if (!source) throw new ReadError(fill(WORDS[locale].pdfUnavailable, { name }));
  const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
  try {
    scope.importScripts(url);
  } finally {
    URL.revokeObjectURL(url);
  }
  if (!scope.jiaohePdfjs) throw new ReadError(fill(WORDS[locale].pdfUnavailable, { name }));
}

/**
 * Reads one file as `jiaohe check` reads it (src/io/load.ts): the bytes' magic number wins over
 * the name (a Word file saved as .txt is read as Word), then the extension, then markup is a web page.
 */
async function load(file: WebFile, locale: Locale, pdfScript: string | undefined): Promise<LoadedSource> {
  const { name, bytes } = file;
  if (bytes.length > MAX_INPUT_BYTES) throw new DecodeError('the file is too large', 'too-large');
  const format = chooseFormat(bytes, formatOfName(name));
  // A legacy Word file needs the command line; one that is really a web page or a .docx is read.
  if (isOle(bytes) || (LEGACY_WORD_EXTENSIONS.includes(extensionOf(name)) && format.name === 'text')) {
    throw new ReadError(fill(WORDS[locale].docUnsupported, { name }));
  }
  if (format.name === 'pdf') {
    if (bytes.length === 0) throw new DecodeError('the file is empty', 'empty');
    loadPdfjs(name, locale, pdfScript);
  }
  const source: LoadedSource = await format.load(name, bytes);
  if (source.text.trim() === '') throw new DecodeError('the file has no report text', 'no-text');
  // Refused before any parsing, as the CLI does: such a text is a data dump, not a report.
  if (countDigitRuns(source.text, MAX_DIGIT_RUNS) > MAX_DIGIT_RUNS) throw new ReadError(cliMessage(locale, 'tooManyNumbers', { path: name, max: String(MAX_DIGIT_RUNS) }));
  return source;
}


/** Why a file could not be read, in the CLI's words (src/cli/inputs.ts `inputError`, which reads files and so is not imported). */
function readError(name: string, error: unknown, locale: Locale): string {
  if (error instanceof ReadError) return error.message;
  if (error instanceof DecodeError) return cliMessage(locale, DECODE_MESSAGE_IDS[error.code], { path: name });
  const e = error as { name?: string; code?: string; message?: string };
  if (e.name === 'DocxError') {
    if (e.code === 'damaged') return cliMessage(locale, 'damagedDocx', { path: name });
    if (e.code === 'too-large') return cliMessage(locale, 'tooLarge', { path: name });
    return cliMessage(locale, (e.message ?? '').includes('zip') && !(e.message ?? '').includes('document.xml') ? 'notZip' : 'noDocumentXml', { path: name });
  }
  return cliMessage(locale, 'cannotRead', { path: name, why: e.message ?? String(error) });
}

/** The built-in rules, for the settings and the finding card. */
function ruleInfos(): RuleInfo[] {
  const list = (rules: typeof BUILTIN_RULES | typeof BUILTIN_CROSS_RULES, scopeName: RuleInfo['scope']): RuleInfo[] =>
    rules.map((r) => ({ id: r.meta.id, scope: scopeName, defaultSeverity: r.meta.defaultSeverity, description: { zh: r.meta.docs.description.zh, en: r.meta.docs.description.en } }));
  return [...list(BUILTIN_RULES, 'document'), ...list(BUILTIN_CROSS_RULES, 'cross-document')];
}

function kindInfos(): KindInfo[] {
  return BUILTIN_PROFILES.map((p) => ({ id: p.id, name: { zh: p.name.zh, en: p.name.en } }));
}

const KNOWN_RULES = new Set(ruleInfos().map((r) => r.id));
const KNOWN_KINDS = new Set(BUILTIN_PROFILES.map((p) => p.id));

/** The latest run's documents and bytes, for the downloads. */
let last: { docs: CheckedDocument[]; bytes: Map<string, Uint8Array>; locale: Locale } | null = null;

/** What a claim is about, for the verified list: a rate's name, a restated metric … */
function claimAbout(c: Claim, locale: Locale): string {
  switch (c.kind) {
    case 'rate':
      return c.name;
    case 'restatement':
      return c.metric;
    case 'zeroClaim':
      return c.subject;
    case 'growth':
      return c.phrase;
    case 'tableIdentity':
      return c.name[locale];
    case 'tableRestatement':
      return c.words;
    case 'countedList':
      return c.items.map((i) => i.text).join('、');
    default:
      return '';
  }
}

/** A document's verified claims in the shown text, each placed in the file's terms. */
function verifiedClaims(claims: readonly Claim[], source: LoadedSource, doc: CheckedDocument, locale: Locale): WebClaim[] {
  const roles = WORDS[locale].roles;
  return claims
    .filter((c) => c.verdict === 'holds')
    .map((c) => {
      const at = source.locate(c.range.start, 'start');
      return {
        kind: c.kind,
        range: { start: c.range.start, end: c.range.end },
        place: placeText(placeOf(doc, at), locale),
        text: source.text.slice(c.range.start, c.range.end),
        expression: c.evidence.expression ?? '',
        about: claimAbout(c, locale),
        figures: c.figures.filter((f) => f.document === undefined).map((f) => ({ range: { start: f.range.start, end: f.range.end }, text: f.text, role: roles[f.role] ?? f.role })),
      };
    });
}

/** A finding's highlights besides its own text: its related places, then any other figure its evidence used. */
function findingMarks(d: Diagnostic, figureTexts: readonly string[], sources: ReadonlyMap<string, LoadedSource>, docs: ReadonlyMap<string, CheckedDocument>, locale: Locale): WebMark[] {
  const marks: WebMark[] = [];
  const seen = new Set<string>([`:${d.range.start}:${d.range.end}`]);
  const key = (document: string | undefined, r: { start: number; end: number }): string => `${document ?? ''}:${r.start}:${r.end}`;
  d.related.forEach((r, i) => {
    seen.add(key(r.document, r.range));
    const colon = r.message.search(/[::]/);
    marks.push({
      range: { start: r.range.start, end: r.range.end },
      ...(r.document !== undefined ? { document: r.document } : {}),
      label: colon > 0 ? r.message.slice(0, colon).trim() : '',
      text: figureTexts[i] ?? r.message,
    });
  });
  const roles = WORDS[locale].roles;
  for (const f of d.evidence.figures) {
    if (seen.has(key(f.document, f.range))) continue;
    seen.add(key(f.document, f.range));
    const source = f.document === undefined ? undefined : sources.get(f.document);
    const doc = f.document === undefined ? undefined : docs.get(f.document);
    let where = '';
    if (source && doc) where = ` (${f.document}:${placeText(placeOf(doc, source.locate(f.range.start, 'start')), locale)})`;
    const label = roles[f.role] ?? f.role;
    marks.push({ range: { start: f.range.start, end: f.range.end }, ...(f.document !== undefined ? { document: f.document } : {}), label, text: `${label}${locale === 'zh' ? ':' : ': '}${f.text}${where}` });
  }
  return marks;
}

function settingsConfig(settings: WebSettings): { locale: Locale; rules: Record<string, 'off' | 'info' | 'warning' | 'error'>; profile?: string } {
  // Settings stored by an older page may name a rule or kind this one no longer has.
  const rules: Record<string, 'off' | 'info' | 'warning' | 'error'> = {};
  for (const [id, severity] of Object.entries(settings.rules)) if (KNOWN_RULES.has(id)) rules[id] = severity;
  return { locale: settings.locale, rules, ...(settings.profile && KNOWN_KINDS.has(settings.profile) ? { profile: settings.profile } : {}) };
}

async function check(message: Extract<ToWorker, { type: 'check' }>): Promise<void> {
  const started = performance.now();
  const { run, files, settings } = message;
  const locale = settings.locale;
  const sources: LoadedSource[] = [];
  const unreadable: Array<{ name: string; message: string }> = [];
  const bytes = new Map<string, Uint8Array>();
  for (const [i, file] of files.entries()) {
    try {
      sources.push(await load(file, locale, pdfSource));
      bytes.set(file.name, file.bytes);
    } catch (error) {
      unreadable.push({ name: file.name, message: readError(file.name, error, locale) });
    }
    post({ type: 'progress', run, phase: 'read', done: i + 1, total: files.length });
  }
  const byPath = new Map(sources.map((s) => [s.path, s]));
  const all = checkReports(
    sources.map((s) => ({ id: s.path, text: s.text, ...(s.tables ? { tables: s.tables } : {}) })),
    settingsConfig(settings),
    { onChecked: (done, total) => post({ type: 'progress', run, phase: 'check', done, total }) },
  );
  const { documents } = checkedDocuments(all, byPath);
  last = { docs: documents, bytes, locale };
  const docsByPath = new Map(documents.map((d) => [d.path, d]));
  const docs: WebDoc[] = all.documents.map(({ id, result }, i): WebDoc => {
    const source = byPath.get(id)!;
    const doc = documents[i]!;
    const rows = findingRows(doc, locale);
    // result.diagnostics are in the checked text (shown), doc.diagnostics the same findings in the file's terms.
    const findings = result.diagnostics.map((d, j): WebFinding => {
      const row = rows[j]!;
      return {
        severity: d.severity,
        ruleId: d.ruleId,
        place: row.place,
        problem: row.problem,
        basis: row.basis,
        suggestion: row.suggestion,
        range: { start: d.range.start, end: d.range.end },
        marks: findingMarks(d, row.figures, byPath, docsByPath, locale),
        regulations: row.regulations,
        fingerprint: d.fingerprint,
      };
    });
    const report = result.report;
    const s = summarize([doc]);
    return {
      path: id,
      format: doc.format,
      kind: kindText(doc, locale),
      year: doc.year ?? null,
      text: source.text,
      outline: flattenSections(report).map((sec) => ({
        marker: sec.marker.text,
        heading: sec.heading,
        level: sec.level,
        depth: sec.depth,
        start: sec.marker.range.start,
        end: Math.max(sec.headingRange.end, sec.marker.range.end),
        inline: sec.inlineBody,
      })),
      roles: report.paragraphs.filter((p) => p.role !== 'body').map((p) => ({ start: p.range.start, role: p.role })),
      findings,
      verified: verifiedClaims(result.claims, source, doc, locale),
      counts: { errors: s.errors, warnings: s.warnings, infos: s.infos, holds: s.holds, fails: s.fails, unverifiable: s.unverifiable },
    };
  });
  post({ type: 'result', run, docs, unreadable, summary: summaryLine(summarize(documents), locale), ms: performance.now() - started });
}

function exportFile(message: Extract<ToWorker, { type: 'export' }>): void {
  const { request, what } = message;
  if (!last) throw new Error('nothing has been checked yet');
  const { docs, locale } = last;
  const stem = locale === 'zh' ? '校核报告' : 'jiaohe-report';
  if (what === 'html') {
    post({ type: 'exported', request, name: `${stem}.html`, mime: 'text/html;charset=utf-8', data: formatHtml(docs, { locale, toolVersion: VERSION, date: message.date }) });
  } else if (what === 'csv') {
    post({ type: 'exported', request, name: `${stem}.csv`, mime: 'text/csv;charset=utf-8', data: formatCsv(docs, { locale }) });
  } else {
    const doc = docs.find((d) => d.path === message.path);
    const bytes = message.path === undefined ? undefined : last.bytes.get(message.path);
    if (!doc || !bytes || doc.format !== 'docx') throw new Error(`${message.path ?? ''}: not a checked .docx file`);
    const data = annotateDocx(bytes, doc.diagnostics.map((d) => ({ range: d.range, text: commentBody(d, locale) })), { author: 'jiaohe' });
    post({ type: 'exported', request, name: annotatedName(doc.path), mime: inputFormat('docx').mime, data }, [data.buffer]);
  }
}

/**
 * Messages are handled one at a time, in order: reading is asynchronous, and a check started
 * while another awaits a file would interleave with it. A check superseded by a newer one before
 * it starts is skipped (the page shows only the latest run).
 */
let queue: Promise<void> = Promise.resolve();
/** pdf.js's script text, once the page has sent it. */
let pdfSource: string | undefined;
let latestRun = -1;

scope.onmessage = (event) => {
  const message = event.data;
  if (message.type === 'check') {
    latestRun = message.run;
    // Kept even when this check is skipped for a newer one: the page sends pdf.js only once.
    if (message.pdfSource) pdfSource = message.pdfSource;
  }
  queue = queue.then(async () => {
    if (message.type === 'check') {
      if (message.run !== latestRun) return;
      try {
        await check(message);
      } catch (error) {
        post({ type: 'failed', run: message.run, message: error instanceof Error ? error.message : String(error) });
      }
      return;
    }
    try {
      exportFile(message);
    } catch (error) {
      post({ type: 'failed', request: message.request, message: error instanceof Error ? error.message : String(error) });
    }
  });
};

/**
 * A short report checked once at start, while the user is still choosing files: the first check
 * otherwise pays for compiling most of the checker on the way (about a third of its time on 2 MB).
 */
const WARM_UP = [
  '某街道办事处2020年法治政府建设年度报告',
  '2020年,我街认真贯彻落实区委、区政府工作部署,现将有关情况报告如下:',
  '一、2020年度推进法治政府建设的主要举措和成效',
  '(一)加强组织领导。全年召开党工委会议学法4次,分别学习了《宪法》、《民法典》、《行政处罚法》。',
  '(二)规范行政执法。受理群众诉求120件,其中咨询类71件、投诉类49件,已办结116件,在办4件,办结率96.7%,同比增长12.5%。行政复议、行政诉讼数量均为0。',
  '二、存在的不足和原因',
  '一是学法形式较为单一;二是执法人员不足,原因是编制有限。',
  '三、党政主要负责人履行推进法治建设第一责任人职责情况',
  '街道党工委书记切实履行第一责任人职责。',
  '四、2021年工作计划',
  '2021年,我街将继续加强法治宣传。',
  '某街道办事处',
  '2021年1月10日',
].join('\n');

// Ready once warm: a check asked for meanwhile waits for it in the page, which is no slower.
queue = queue.then(() => {
  try {
    checkReports([{ id: 'warm-up.txt', text: WARM_UP }]);
  } catch {
    // Only a warm-up: the real check will say what is wrong.
  }
  post({ type: 'ready', version: VERSION, rules: ruleInfos(), kinds: kindInfos() });
});
