/**
 * The offline web page (dist/jiaohe.html): choose or drop reports, see each finding on the text
 * it concerns with the figures it rests on, take the results away as an HTML report, a CSV or a
 * commented Word file. Everything happens in this browser: the checking runs in a Web Worker
 * (src/web/worker.ts) started from the page's own text, and nothing is ever requested.
 *
 * Plain DOM: the page is rebuilt from the state with template strings (every text escaped) and
 * listens once on its root, so a re-render never loses a handler.
 */
import type { Severity } from '../engine/diagnostic.js';
import type { Locale } from '../engine/messages.js';
import { fill, WORDS } from './i18n.js';
import type { FromWorker, KindInfo, RuleChoice, RuleInfo, ToWorker, WebDoc, WebFile, WebFinding, WebMark, WebSettings } from './protocol.js';
import { escapeHtml } from '../text/escape-html.js';
import { lastAtOrBefore } from '../text/search.js';

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
/** File types the picker offers; the worker reads by content as well as by name. */
const ACCEPT = '.docx,.txt,.md,.text,.html,.htm,.shtml,.xhtml,.pdf,.doc,.wps';
const STORE_SETTINGS = 'jiaohe.web.settings';
const STORE_LOCALE = 'jiaohe.web.locale';
/** Lines of text per block; a block off screen is neither laid out nor painted (content-visibility). */
const BLOCK_LINES = 40;

type Tab = 'findings' | 'claims';
type Open = { kind: 'finding' | 'claim'; doc: number; index: number };
/** One entry of the list on the right: a finding or a verified claim of a document. */
type Entry = { doc: number; index: number };

/** A span of the shown text to mark, with the classes and data its pieces get. */
interface Mark {
  start: number;
  end: number;
  cls: string;
  /** Index of the finding, for a finding's own mark. */
  finding?: number;
  severity?: Severity;
  /** Index among the open card's marks. */
  rel?: number;
  label?: string;
}

/** Where each line starts in a document's text, and which lines are headings, title, signature. */
interface Layout {
  starts: number[];
  lineClass: Map<number, string>;
}

const state = {
  locale: 'zh' as Locale,
  settings: { rules: {}, profile: '' } as Omit<WebSettings, 'locale'>,
  files: [] as WebFile[],
  run: 0,
  running: false,
  started: 0,
  docs: [] as WebDoc[],
  unreadable: [] as Array<{ name: string; message: string }>,
  summary: '',
  ms: 0,
  error: '',
  tab: 'findings' as Tab,
  filters: { severities: new Set<Severity>(SEVERITIES), rule: '', doc: '' },
  current: -1,
  open: null as Open | null,
  cursor: -1,
  entries: [] as Entry[],
  rules: [] as RuleInfo[],
  kinds: [] as KindInfo[],
  version: '',
  progress: null as { phase: 'read' | 'check'; done: number; total: number } | null,
  /** The first file of the latest addition: shown once checked, as the user just chose it. */
  added: undefined as string | undefined,
};

let worker: Worker | null = null;
let workerReady = false;
let pdfSent = false;
let exportRequest = 0;
/** The card's marks in the shown document, kept to re-render only the lines they touch. */
let tempMarks: Mark[] = [];
let lineEls: HTMLElement[] = [];
const layouts = new WeakMap<WebDoc, Layout>();

const w = (): (typeof WORDS)['zh'] => WORDS[state.locale];
const $ = <T extends HTMLElement = HTMLElement>(id: string): T => document.getElementById(id) as T;

/** Escapes text for element content and attribute values alike. */
const esc = escapeHtml;

/**
 * Report text as shown: private-use characters (icon fonts of the page a report was copied from)
 * have no glyph here and would show as boxes; each becomes a space, so offsets do not move.
 */
function shown(s: string): string {
  return esc(s.replace(/[\ue000-\uf8ff]/g, ' '));
}

// ---------------------------------------------------------------------------------------------
// Settings, kept in this browser

function loadSettings(): void {
  try {
    const locale = localStorage.getItem(STORE_LOCALE);
    if (locale === 'zh' || locale === 'en') state.locale = locale;
    const raw = localStorage.getItem(STORE_SETTINGS);
    if (raw) {
      const parsed = JSON.parse(raw) as Partial<Omit<WebSettings, 'locale'>>;
      const rules: WebSettings['rules'] = {};
      for (const [id, s] of Object.entries(parsed.rules ?? {})) if (s === 'off' || s === 'info' || s === 'warning' || s === 'error') rules[id] = s;
      state.settings = { rules, profile: typeof parsed.profile === 'string' ? parsed.profile : '' };
    }
  } catch {
    // Storage may be off (a locked-down browser, a private window): the defaults serve.
  }
}

function saveSettings(): void {
  try {
    localStorage.setItem(STORE_SETTINGS, JSON.stringify(state.settings));
    localStorage.setItem(STORE_LOCALE, state.locale);
  } catch {
    // As above: settings then last as long as the page.
  }
}

// ---------------------------------------------------------------------------------------------
// The worker

function startWorker(): void {
  try {
    const source = $('jiaohe-worker')?.textContent ?? '';
    if (!source) throw new Error('the page has no checker script');
    const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
    worker = new Worker(url);
    worker.onmessage = (event: MessageEvent<FromWorker>) => {
      if (event.data.type === 'ready') URL.revokeObjectURL(url);
      onWorkerMessage(event.data);
    };
    worker.onerror = (event) => {
      state.error = fill(w().workerFailed, { why: event.message || 'error' });
      state.running = false;
      renderStatus();
    };
  } catch (error) {
    state.error = fill(w().workerFailed, { why: error instanceof Error ? error.message : String(error) });
  }
}

function send(message: ToWorker): void {
  worker?.postMessage(message);
}

const isPdf = (f: WebFile): boolean => /\.pdf$/i.test(f.name) || (f.bytes[0] === 0x25 && f.bytes[1] === 0x50 && f.bytes[2] === 0x44 && f.bytes[3] === 0x46);

/** Checks every chosen file again, together (so streets are compared with their district). */
function check(): void {
  state.run++;
  if (state.files.length === 0) {
    state.docs = [];
    state.unreadable = [];
    state.summary = '';
    state.running = false;
    state.open = null;
    state.current = -1;
    renderAll();
    return;
  }
  state.running = true;
  state.started = performance.now();
  state.progress = null;
  state.error = '';
  renderStatus();
  if (!workerReady) return; // sent when the worker says it is ready
  const needsPdf = !pdfSent && state.files.some(isPdf);
  const pdfSource = needsPdf ? ($('jiaohe-pdf')?.textContent ?? '') : '';
  if (needsPdf) pdfSent = true;
  send({ type: 'check', run: state.run, files: state.files, settings: { ...state.settings, locale: state.locale }, ...(pdfSource ? { pdfSource } : {}) });
}

function onWorkerMessage(m: FromWorker): void {
  switch (m.type) {
    case 'ready':
      workerReady = true;
      document.body.dataset.ready = '1';
      state.rules = m.rules;
      state.kinds = m.kinds;
      state.version = m.version;
      if (state.running) {
        state.run--;
        check();
      }
      if (($('settings') as HTMLDialogElement | null)?.open) renderSettings();
      return;
    case 'progress':
      if (m.run !== state.run) return;
      state.progress = { phase: m.phase, done: m.done, total: m.total };
      renderStatus();
      return;
    case 'result':
      if (m.run !== state.run) return;
      applyResult(m);
      return;
    case 'exported': {
      const blob = new Blob([m.data as BlobPart], { type: m.mime });
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = m.name;
      document.body.append(a);
      a.click();
      a.remove();
      // Revoked later: some browsers read the URL after click() returns.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      return;
    }
    case 'failed':
      if (m.run !== undefined && m.run !== state.run) return;
      state.running = m.run !== undefined ? false : state.running;
      state.error = fill(m.run !== undefined ? w().checkFailed : w().exportFailed, { why: m.message });
      renderStatus();
      return;
  }
}

function applyResult(m: Extract<FromWorker, { type: 'result' }>): void {
  // Keep what the user was looking at: the same document, the same finding if it is still there.
  const shownPath = state.added ?? state.docs[state.current]?.path;
  state.added = undefined;
  const open = state.open;
  const openDoc = open ? state.docs[open.doc] : undefined;
  const openFingerprint = open?.kind === 'finding' && openDoc ? openDoc.findings[open.index]?.fingerprint : undefined;
  const openPath = openDoc?.path;
  const filterPath = state.filters.doc === '' ? '' : state.docs[Number(state.filters.doc)]?.path;

  state.docs = m.docs;
  state.unreadable = m.unreadable;
  state.summary = m.summary;
  state.ms = m.ms;
  state.running = false;
  state.progress = null;
  const indexOf = (path: string | undefined): number => (path === undefined ? -1 : state.docs.findIndex((d) => d.path === path));
  state.current = indexOf(shownPath);
  if (state.current < 0) state.current = state.docs.length > 0 ? 0 : -1;
  const f = indexOf(filterPath);
  state.filters.doc = f < 0 ? '' : String(f);
  if (state.filters.rule && !state.docs.some((d) => d.findings.some((x) => x.ruleId === state.filters.rule))) state.filters.rule = '';
  state.open = null;
  if (openFingerprint !== undefined) {
    const d = indexOf(openPath);
    const i = d < 0 ? -1 : state.docs[d]!.findings.findIndex((x) => x.fingerprint === openFingerprint);
    if (i >= 0) state.open = { kind: 'finding', doc: d, index: i };
  }
  state.cursor = -1;
  renderStatus();
  renderFiles();
  renderPanel();
  // The list first: a long document takes a moment to lay out, and the findings can show before it.
  const run = m.run;
  setTimeout(() => {
    if (run !== state.run) return;
    renderDoc();
    if (state.open) scrollToPiece(state.open.kind === 'claim' ? '.cl' : '.cur');
    document.body.dataset.run = String(run);
  }, 0);
}

// ---------------------------------------------------------------------------------------------
// Files

async function addFiles(list: FileList | File[]): Promise<void> {
  const chosen = Array.from(list);
  if (chosen.length === 0) return;
  const read = await Promise.all(chosen.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
  state.added = read[0]!.name;
  // The same name chosen again replaces the file: the usual way to check a corrected report.
  for (const file of read) {
    const at = state.files.findIndex((f) => f.name === file.name);
    if (at >= 0) state.files[at] = file;
    else state.files.push(file);
  }
  renderFiles();
  check();
}

function removeFile(name: string): void {
  state.files = state.files.filter((f) => f.name !== name);
  check();
}

// ---------------------------------------------------------------------------------------------
// Rendering

function shell(): string {
  const t = w();
  const lang = (l: Locale, label: string): string => `<button type="button" data-action="locale" data-locale="${l}" aria-pressed="${state.locale === l}">${label}</button>`;
  return `
<header class="top">
  <div class="brand"><span class="logo" aria-hidden="true">校</span><span class="name"><b>${esc(t.title)}</b><small>${esc(t.subtitle)}</small></span></div>
  <label class="btn primary choose">${esc(t.choose)}<input type="file" id="file-input" multiple accept="${ACCEPT}"></label>
  <button type="button" class="btn ghost" data-action="clear" id="clear-btn">${esc(t.clear)}</button>
  <div class="grow"></div>
  <div class="downloads" role="group">
    <button type="button" class="btn" data-action="dl-html" id="dl-html">⤓ ${esc(t.downloadHtml)}</button>
    <button type="button" class="btn" data-action="dl-csv" id="dl-csv">⤓ ${esc(t.downloadCsv)}</button>
    <button type="button" class="btn" data-action="dl-docx" id="dl-docx">⤓ ${esc(t.downloadDocx)}</button>
  </div>
  <button type="button" class="btn" data-action="settings">⚙ ${esc(t.settings)}</button>
  <div class="lang" role="group" aria-label="${esc(t.language)}">${lang('zh', '中文')}${lang('en', 'EN')}</div>
</header>
<div class="statusbar"><div class="status" id="status" aria-live="polite"></div><div class="progress" id="progress" hidden><div class="fill"></div></div></div>
<main class="layout">
  <aside class="side">
    <section><h2>${esc(t.files)}</h2><ul class="files" id="files"></ul></section>
    <section class="outline-box"><h2>${esc(t.outline)}</h2><nav class="outline" id="outline"></nav></section>
  </aside>
  <section class="docview">
    <div class="dochead" id="dochead"></div>
    <div class="doctext" id="doctext" lang="zh-CN"></div>
    <div class="empty" id="empty">
      <div class="drop">
        <div class="drop-icon" aria-hidden="true">⇩</div>
        <p class="drop-title">${esc(t.dropTitle)}</p>
        <p>${esc(t.dropFormats)}</p>
        <p>${esc(t.dropKinds)}</p>
        <p class="privacy">${esc(t.dropPrivacy)}</p>
      </div>
    </div>
  </section>
  <aside class="panel">
    <div class="tabs" role="tablist">
      <button type="button" role="tab" data-action="tab" data-tab="findings" id="tab-findings"></button>
      <button type="button" role="tab" data-action="tab" data-tab="claims" id="tab-claims"></button>
    </div>
    <div class="filters" id="filters"></div>
    <article class="card" id="card" hidden></article>
    <ol class="list" id="list" aria-label="${esc(t.findingsTab)}"></ol>
    <p class="keys">${esc(t.keys)}</p>
  </aside>
</main>
<dialog id="settings" class="settings"></dialog>
<div class="dropveil" id="dropveil" hidden><div>${esc(t.dropHere)}</div></div>`;
}

function renderAll(): void {
  document.documentElement.lang = state.locale === 'zh' ? 'zh-CN' : 'en';
  document.title = state.locale === 'zh' ? '校核 jiaohe · 政府报告检查' : 'jiaohe · checks government reports';
  $('app').innerHTML = shell();
  renderStatus();
  renderFiles();
  renderPanel();
  renderDoc();
}

function renderStatus(): void {
  const t = w();
  const status = $('status');
  const bar = $('progress');
  if (!status) return;
  let text = '';
  if (state.error) text = state.error;
  else if (state.running) {
    const p = state.progress;
    text = !workerReady ? t.starting : p ? fill(p.phase === 'read' ? t.reading : t.checking, { done: p.done, total: p.total }) : fill(t.reading, { done: 0, total: state.files.length });
  } else if (state.summary) text = `${state.summary}`;
  status.textContent = text;
  status.classList.toggle('error', Boolean(state.error));
  if (!state.running && state.summary && !state.error) {
    const ms = document.createElement('span');
    ms.className = 'ms';
    ms.textContent = fill(t.checkedIn, { ms: Math.round(state.ms) });
    status.append(ms);
  }
  // A bar for batches and big files; a quick check of a few files only flickers it.
  const p = state.progress;
  const slow = state.running && performance.now() - state.started > 150;
  bar.hidden = !state.running || (!slow && state.files.length <= 2);
  if (state.running) {
    const fraction = !p ? 0.02 : p.phase === 'read' ? (0.3 * p.done) / p.total : 0.3 + (0.7 * p.done) / p.total;
    (bar.firstElementChild as HTMLElement).style.width = `${Math.max(2, Math.round(fraction * 100))}%`;
    if (bar.hidden) setTimeout(renderStatus, 160);
  }
  const docxShown = state.docs[state.current]?.format === 'docx';
  ($('dl-html') as HTMLButtonElement).disabled = state.docs.length === 0 || state.running;
  ($('dl-csv') as HTMLButtonElement).disabled = state.docs.length === 0 || state.running;
  const docx = $('dl-docx') as HTMLButtonElement;
  docx.hidden = !docxShown;
  docx.disabled = state.running;
  if (docxShown) docx.title = fill(t.downloadDocxOf, { name: state.docs[state.current]!.path });
  ($('clear-btn') as HTMLButtonElement).disabled = state.files.length === 0;
}

function countBadges(c: WebDoc['counts']): string {
  return SEVERITIES.map((s) => {
    const n = s === 'error' ? c.errors : s === 'warning' ? c.warnings : c.infos;
    return n > 0 ? `<span class="cnt sev-${s}" title="${esc(w().severity[s])}">${n}</span>` : '';
  }).join('');
}

function renderFiles(): void {
  const t = w();
  const list = $('files');
  if (!list) return;
  if (state.files.length === 0) {
    list.innerHTML = `<li class="none">${esc(t.noFiles)}</li>`;
    return;
  }
  list.innerHTML = state.files
    .map((f) => {
      const d = state.docs.findIndex((x) => x.path === f.name);
      const bad = state.unreadable.find((u) => u.name === f.name);
      const remove = `<button type="button" class="x" data-action="remove" data-name="${esc(f.name)}" title="${esc(fill(t.remove, { name: f.name }))}" aria-label="${esc(fill(t.remove, { name: f.name }))}">×</button>`;
      if (bad) return `<li class="file bad"><div class="fname">${esc(f.name)}</div><div class="ferr">${esc(bad.message)}</div>${remove}</li>`;
      if (d < 0) return `<li class="file pending"><div class="fname">${esc(f.name)}</div><div class="fmeta">…</div>${remove}</li>`;
      const doc = state.docs[d]!;
      // The year first: it is short, and the kind may wrap in the narrow column.
      const meta = [doc.year ? fill(t.year, { year: doc.year }) : '', doc.kind].filter(Boolean).map((x) => `<span>${esc(x)}</span>`).join(' · ');
      const dl = doc.format === 'docx' ? `<button type="button" class="mini" data-action="dl-docx" data-doc="${d}" title="${esc(fill(t.downloadDocxOf, { name: doc.path }))}">⤓ Word</button>` : '';
      return `<li class="file${d === state.current ? ' current' : ''}" data-action="show-doc" data-doc="${d}" data-path="${esc(doc.path)}"><div class="fname">${esc(doc.path)}</div><div class="fmeta">${meta}</div><div class="fcounts">${countBadges(doc.counts)}${dl}</div>${remove}</li>`;
    })
    .join('');
}

/** The entries the list shows under the current tab and filters. */
function entries(): Entry[] {
  const out: Entry[] = [];
  const onlyDoc = state.filters.doc === '' ? -1 : Number(state.filters.doc);
  state.docs.forEach((doc, d) => {
    if (onlyDoc >= 0 && d !== onlyDoc) return;
    if (state.tab === 'claims') {
      doc.verified.forEach((_, i) => out.push({ doc: d, index: i }));
      return;
    }
    doc.findings.forEach((f, i) => {
      if (passesFilters(f)) out.push({ doc: d, index: i });
    });
  });
  return out;
}

function renderFilters(): void {
  const t = w();
  const box = $('filters');
  const docOptions = [`<option value="">${esc(t.allDocs)}</option>`, ...state.docs.map((d, i) => `<option value="${i}"${state.filters.doc === String(i) ? ' selected' : ''}>${esc(d.path)}</option>`)].join('');
  if (state.docs.length === 0) {
    box.innerHTML = '';
    return;
  }
  const docSelect = state.docs.length > 1 ? `<select data-filter="doc" aria-label="${esc(t.allDocs)}">${docOptions}</select>` : '';
  if (state.tab === 'claims') {
    box.innerHTML = docSelect ? `<div class="selects">${docSelect}</div>` : '';
    return;
  }
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const rules = new Map<string, number>();
  for (const d of state.docs)
    for (const f of d.findings) {
      counts[f.severity]++;
      rules.set(f.ruleId, (rules.get(f.ruleId) ?? 0) + 1);
    }
  const sevs = SEVERITIES.map(
    (s) => `<label class="chip sev-${s}"><input type="checkbox" data-filter="sev" value="${s}"${state.filters.severities.has(s) ? ' checked' : ''}><span>${esc(t.severity[s])}</span><b>${counts[s]}</b></label>`,
  ).join('');
  const ruleOptions = [`<option value="">${esc(t.allRules)}</option>`, ...[...rules].sort((a, b) => a[0].localeCompare(b[0])).map(([id, n]) => `<option value="${esc(id)}"${state.filters.rule === id ? ' selected' : ''}>${esc(id)} (${n})</option>`)].join('');
  box.innerHTML = `<div class="sevs">${sevs}</div><div class="selects"><select data-filter="rule" aria-label="${esc(t.allRules)}">${ruleOptions}</select>${docSelect}</div>`;
}

function renderPanel(): void {
  const t = w();
  const total = state.docs.reduce((n, d) => n + d.findings.length, 0);
  const holds = state.docs.reduce((n, d) => n + d.verified.length, 0);
  const tab = (id: Tab, label: string, n: number): void => {
    const b = $(`tab-${id}`);
    b.innerHTML = `${esc(label)} <span class="n">${n}</span>`;
    b.setAttribute('aria-selected', String(state.tab === id));
  };
  tab('findings', t.findingsTab, total);
  tab('claims', t.claimsTab, holds);
  renderFilters();
  renderList();
  renderCard();
}

function renderList(): void {
  const t = w();
  const list = $('list');
  state.entries = entries();
  list.setAttribute('aria-label', state.tab === 'claims' ? t.claimsTab : t.findingsTab);
  if (state.entries.length === 0) {
    const none = state.docs.length === 0 ? t.noFiles : state.tab === 'claims' ? t.noClaims : state.docs.some((d) => d.findings.length > 0) ? t.noMatching : t.noFindings;
    list.innerHTML = `<li class="none">${esc(none)}</li>`;
    return;
  }
  const grouped = state.docs.length > 1 && state.filters.doc === '';
  let lastDoc = -1;
  const parts: string[] = [];
  state.entries.forEach((e, i) => {
    const doc = state.docs[e.doc]!;
    if (grouped && e.doc !== lastDoc) parts.push(`<li class="group" aria-hidden="true">${esc(doc.path)}</li>`);
    lastDoc = e.doc;
    const isOpen = state.open !== null && state.open.kind === (state.tab === 'claims' ? 'claim' : 'finding') && state.open.doc === e.doc && state.open.index === e.index;
    const cls = `item${isOpen ? ' open' : ''}${i === state.cursor ? ' cursor' : ''}`;
    const data = `data-action="open" data-i="${i}" data-doc="${e.doc}" data-path="${esc(doc.path)}" data-index="${e.index}" tabindex="-1" aria-selected="${isOpen}"`;
    if (state.tab === 'claims') {
      const c = doc.verified[e.index]!;
      const kind = t.claimKinds[c.kind] ?? c.kind;
      parts.push(
        `<li class="${cls} claim" ${data}><span class="badge ok">${esc(kind)}</span><div class="msg"><span class="stated">${esc(c.text)}</span>${c.about ? ` <span class="about">${esc(c.about)}</span>` : ''}${c.expression ? `<div class="expr">${esc(c.expression)}</div>` : ''}</div><div class="meta">${esc(c.place)}</div></li>`,
      );
    } else {
      const f = doc.findings[e.index]!;
      parts.push(
        `<li class="${cls} sev-${f.severity}" ${data}><span class="badge sev-${f.severity}">${esc(t.severity[f.severity])}</span><div class="msg">${esc(f.problem)}</div><div class="meta">${grouped ? '' : `${esc(doc.path)} · `}${esc(f.place)} · <code>${esc(f.ruleId)}</code></div></li>`,
      );
    }
  });
  list.innerHTML = parts.join('');
}

function renderCard(): void {
  const t = w();
  const card = $('card');
  const open = state.open;
  const doc = open ? state.docs[open.doc] : undefined;
  if (!open || !doc) {
    card.hidden = true;
    card.innerHTML = '';
    return;
  }
  card.hidden = false;
  const close = `<button type="button" class="x" data-action="close" title="${esc(t.card.close)}" aria-label="${esc(t.card.close)}">×</button>`;
  const markItem = (m: WebMark | { label: string; text: string; document?: string }, k: number): string => {
    const other = m.document !== undefined ? ` <span class="other">${esc(fill(t.card.inOther, { path: m.document }))}</span>` : '';
    return `<li><button type="button" class="fig" data-action="goto-mark" data-m="${k}"><span class="swatch" aria-hidden="true"></span>${esc(m.text)}${other}</button></li>`;
  };
  if (open.kind === 'claim') {
    const c = doc.verified[open.index];
    if (!c) return;
    const figures = c.figures.map((f, k) => markItem({ label: f.role, text: `${f.role ? `${f.role}${state.locale === 'zh' ? ':' : ': '}` : ''}${f.text}` }, k)).join('');
    card.className = 'card claim';
    card.innerHTML = `<header><span class="badge ok">${esc(t.claimKinds[c.kind] ?? c.kind)}</span><span class="place">${esc(doc.path)} · ${esc(c.place)}</span>${close}</header>
<p class="problem"><mark class="stated">${esc(c.text)}</mark>${c.about ? ` ${esc(c.about)}` : ''}</p>
<dl>${c.expression ? `<dt>${esc(t.card.basis)}</dt><dd class="basis">${esc(c.expression)}</dd>` : ''}${figures ? `<dt>${esc(t.card.figures)}</dt><dd><ul class="figs">${figures}</ul></dd>` : ''}</dl>`;
    return;
  }
  const f = doc.findings[open.index];
  if (!f) return;
  const rule = state.rules.find((r) => r.id === f.ruleId);
  const rows: string[] = [];
  if (f.basis) rows.push(`<dt>${esc(t.card.basis)}</dt><dd class="basis">${esc(f.basis)}</dd>`);
  if (f.marks.length > 0) rows.push(`<dt>${esc(t.card.figures)}</dt><dd><ul class="figs">${f.marks.map(markItem).join('')}</ul></dd>`);
  if (f.suggestion) rows.push(`<dt>${esc(t.card.suggestion)}</dt><dd class="suggestion">${esc(f.suggestion)}</dd>`);
  if (rule) rows.push(`<dt>${esc(t.card.rule)}</dt><dd class="rule-desc">${esc(rule.description[state.locale])} <code>${esc(f.ruleId)}</code></dd>`);
  if (f.regulations.length > 0) rows.push(`<dt>${esc(t.card.regulation)}</dt><dd class="regulation">${f.regulations.map(esc).join('<br>')}</dd>`);
  card.className = `card sev-${f.severity}`;
  card.innerHTML = `<header><span class="badge sev-${f.severity}">${esc(t.severity[f.severity])}</span><span class="place">${esc(doc.path)} · ${esc(f.place)}</span>${close}</header>
<p class="problem">${esc(f.problem)}</p>
<dl>${rows.join('')}</dl>`;
}

// ---------------------------------------------------------------------------------------------
// The document

function layoutOf(doc: WebDoc): Layout {
  let l = layouts.get(doc);
  if (l) return l;
  const starts = [0];
  const text = doc.text;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  const lineClass = new Map<number, string>();
  for (const r of doc.roles) {
    const line = lineAt(starts, r.start);
    if (r.role === 'title' || r.role === 'signature' || r.role === 'metadata' || r.role === 'chrome' || r.role === 'table') lineClass.set(line, `r-${r.role}`);
  }
  for (const h of doc.outline) if (!h.inline) lineClass.set(lineAt(starts, h.start), `h lv${Math.min(h.level, 4)}`);
  l = { starts, lineClass };
  layouts.set(doc, l);
  return l;
}

/** The line holding `offset`. */
function lineAt(starts: readonly number[], offset: number): number {
  return lastAtOrBefore(starts, offset);
}

/** Where line `i`'s shown text ends (before its line break and any carriage return). */
function lineEnd(doc: WebDoc, starts: readonly number[], i: number): number {
  let end = i + 1 < starts.length ? starts[i + 1]! - 1 : doc.text.length;
  if (end > starts[i]! && doc.text.charCodeAt(end - 1) === 13) end--;
  return end;
}

/** The findings of the shown document the filters let through, as marks; inline headings too. */
/** Whether a finding is shown under the severity and rule filters: the list and the highlights follow the same ones. */
function passesFilters(f: WebFinding): boolean {
  return state.filters.severities.has(f.severity) && (!state.filters.rule || f.ruleId === state.filters.rule);
}

function persistentMarks(d: number): Mark[] {
  const doc = state.docs[d]!;
  const marks: Mark[] = [];
  for (const h of doc.outline) if (h.inline) marks.push({ start: h.start, end: h.end, cls: 'hd' });
  doc.findings.forEach((f, i) => {
    if (passesFilters(f)) marks.push({ start: f.range.start, end: f.range.end, cls: 'f', finding: i, severity: f.severity });
  });
  return marks;
}

/** The open card's marks that fall in document `d`. */
function cardMarks(d: number): Mark[] {
  const open = state.open;
  if (!open) return [];
  const doc = state.docs[d]!;
  const own = open.doc === d;
  const marks: Mark[] = [];
  if (open.kind === 'claim') {
    if (!own) return [];
    const c = state.docs[open.doc]!.verified[open.index];
    if (!c) return [];
    marks.push({ start: c.range.start, end: c.range.end, cls: 'cl' });
    c.figures.forEach((f, k) => marks.push({ start: f.range.start, end: f.range.end, cls: 'rel', rel: k, label: f.role }));
    return marks;
  }
  const f = state.docs[open.doc]!.findings[open.index];
  if (!f) return [];
  if (own) marks.push({ start: f.range.start, end: f.range.end, cls: 'cur' });
  f.marks.forEach((m, k) => {
    const inThis = m.document === undefined ? own : m.document === doc.path;
    if (inThis) marks.push({ start: m.range.start, end: m.range.end, cls: 'rel', rel: k, label: m.label });
  });
  return marks;
}

/** One line's HTML: its text cut at every mark's ends, each piece wrapped with the classes of the marks over it. */
function lineHtml(text: string, from: number, to: number, marks: readonly Mark[]): string {
  if (marks.length === 0) return shown(text.slice(from, to));
  const cuts = new Set<number>([from, to]);
  for (const m of marks) {
    cuts.add(Math.min(to, Math.max(from, m.start)));
    cuts.add(Math.min(to, Math.max(from, m.end)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  let html = '';
  for (let i = 0; i < points.length; i++) {
    const a = points[i]!;
    // An empty range (a place, not a text) shows as a thin caret where it is.
    for (const m of marks) {
      if (m.start === m.end && m.start === a && a >= from && a <= to) html += `<span class="${pieceClass([m])}"${pieceData([m], a)}></span>`;
    }
    const b = points[i + 1];
    if (b === undefined) break;
    const over = marks.filter((m) => m.start < m.end && m.start <= a && m.end >= b);
    const piece = shown(text.slice(a, b));
    if (over.length === 0) html += piece;
    else html += `<span class="${pieceClass(over)}"${pieceData(over, b)}>${piece}</span>`;
  }
  return html;
}

function pieceClass(over: readonly Mark[]): string {
  const cls = new Set<string>();
  let severity: Severity | undefined;
  for (const m of over) {
    cls.add(m.cls);
    if (m.severity && (severity === undefined || RANK[m.severity] < RANK[severity])) severity = m.severity;
  }
  if (severity) cls.add(`sev-${severity}`);
  if (over.some((m) => m.start === m.end)) cls.add('caret');
  return [...cls].join(' ');
}

function pieceData(over: readonly Mark[], end: number): string {
  const fs = over.filter((m) => m.finding !== undefined).map((m) => m.finding);
  const rel = over.filter((m) => m.rel !== undefined).map((m) => m.rel);
  const label = over.find((m) => m.rel !== undefined && m.end === end && m.label)?.label;
  return `${fs.length ? ` data-fs="${fs.join(' ')}"` : ''}${rel.length ? ` data-rel="${rel.join(' ')}"` : ''}${label ? ` data-label="${esc(label)}"` : ''}`;
}

/** Marks grouped by the lines they touch. */
function byLine(starts: readonly number[], marks: readonly Mark[]): Map<number, Mark[]> {
  const out = new Map<number, Mark[]>();
  for (const m of marks) {
    const first = lineAt(starts, m.start);
    const last = m.end > m.start ? lineAt(starts, m.end - 1) : first;
    for (let l = first; l <= last; l++) {
      const list = out.get(l);
      if (list) list.push(m);
      else out.set(l, [m]);
    }
  }
  return out;
}

let persistent = new Map<number, Mark[]>();

function renderDoc(): void {
  const t = w();
  const text = $('doctext');
  const head = $('dochead');
  const empty = $('empty');
  const doc = state.docs[state.current];
  const outline = $('outline');
  lineEls = [];
  tempMarks = [];
  if (!doc) {
    text.innerHTML = '';
    text.hidden = true;
    head.hidden = true;
    empty.hidden = state.files.length > 0 && state.running;
    outline.innerHTML = '';
    return;
  }
  empty.hidden = true;
  text.hidden = false;
  head.hidden = false;
  const meta = [doc.kind, doc.year ? fill(t.year, { year: doc.year }) : ''].filter(Boolean).join(' · ');
  head.innerHTML = `<div class="dname">${esc(doc.path)}</div><div class="dmeta">${esc(meta)}${countBadges(doc.counts)}</div>`;

  const { starts, lineClass } = layoutOf(doc);
  persistent = byLine(starts, persistentMarks(state.current));
  tempMarks = cardMarks(state.current);
  const temp = byLine(starts, tempMarks);
  const blocks: string[] = [];
  for (let b = 0; b < starts.length; b += BLOCK_LINES) {
    const lines: string[] = [];
    let chars = 0;
    for (let i = b; i < Math.min(starts.length, b + BLOCK_LINES); i++) {
      const end = lineEnd(doc, starts, i);
      chars += end - starts[i]!;
      const marks = [...(persistent.get(i) ?? []), ...(temp.get(i) ?? [])];
      const cls = lineClass.get(i);
      lines.push(`<div class="ln${cls ? ` ${cls}` : ''}">${lineHtml(doc.text, starts[i]!, end, marks) || '<br>'}</div>`);
    }
    // A guess of the block's height until it is first shown (about 38 characters a line on a laptop).
    const guess = Math.round(Math.min(BLOCK_LINES, starts.length - b) * 12 + (chars / 38) * 31);
    blocks.push(`<div class="blk" style="contain-intrinsic-size:auto ${guess}px">${lines.join('')}</div>`);
  }
  text.innerHTML = blocks.join('');
  lineEls = Array.from(text.querySelectorAll<HTMLElement>('.ln'));
  renderOutline();
}

/** Re-renders the lines the old and new card marks touch, leaving the rest of a long document alone. */
function updateCardMarks(): void {
  const doc = state.docs[state.current];
  if (!doc) return;
  const { starts } = layoutOf(doc);
  const lines = new Set<number>(byLine(starts, tempMarks).keys());
  tempMarks = cardMarks(state.current);
  const temp = byLine(starts, tempMarks);
  for (const l of temp.keys()) lines.add(l);
  for (const i of lines) {
    const el = lineEls[i];
    if (!el) continue;
    el.innerHTML = lineHtml(doc.text, starts[i]!, lineEnd(doc, starts, i), [...(persistent.get(i) ?? []), ...(temp.get(i) ?? [])]) || '<br>';
  }
}

function renderOutline(): void {
  const t = w();
  const doc = state.docs[state.current];
  const nav = $('outline');
  if (!doc) {
    nav.innerHTML = '';
    return;
  }
  if (doc.outline.length === 0) {
    nav.innerHTML = `<p class="none">${esc(t.noOutline)}</p>`;
    return;
  }
  const { starts } = layoutOf(doc);
  nav.innerHTML = doc.outline
    .map(
      (h) =>
        `<button type="button" class="oh d${Math.min(h.depth, 4)}" data-action="goto-line" data-line="${lineAt(starts, h.start)}" title="${esc(h.marker + h.heading)}"><span class="mk">${esc(h.marker)}</span>${esc(h.heading)}</button>`,
    )
    .join('');
}

function scrollToPiece(selector: string): void {
  const el = $('doctext').querySelector<HTMLElement>(selector);
  if (!el) return;
  el.scrollIntoView({ block: 'center' });
  // Blocks above may have been laid out on the way and changed height: look again.
  requestAnimationFrame(() => el.scrollIntoView({ block: 'center' }));
}

// ---------------------------------------------------------------------------------------------
// Actions

function showDoc(d: number): void {
  if (d === state.current || !state.docs[d]) return;
  state.current = d;
  renderDoc();
  renderFiles();
  renderStatus();
}

function openEntry(e: Entry, scroll = true): void {
  const kind = state.tab === 'claims' ? 'claim' : 'finding';
  state.open = { kind, doc: e.doc, index: e.index };
  const at = state.entries.findIndex((x) => x.doc === e.doc && x.index === e.index);
  if (at >= 0) state.cursor = at;
  if (state.current !== e.doc) showDoc(e.doc);
  else updateCardMarks();
  renderList();
  renderCard();
  focusCursor();
  if (scroll) scrollToPiece(kind === 'claim' ? '.cl' : '.cur');
}

function closeCard(): void {
  if (!state.open) return;
  state.open = null;
  updateCardMarks();
  renderList();
  renderCard();
}

function focusCursor(): void {
  const el = $('list').querySelector<HTMLElement>(`[data-i="${state.cursor}"]`);
  if (!el) return;
  el.focus({ preventScroll: true });
  el.scrollIntoView({ block: 'nearest' });
}

function moveCursor(delta: number): void {
  if (state.entries.length === 0) return;
  const next = Math.max(0, Math.min(state.entries.length - 1, state.cursor < 0 ? (delta > 0 ? 0 : state.entries.length - 1) : state.cursor + delta));
  state.cursor = next;
  // While a card is open the card follows; otherwise Enter opens the entry under the cursor.
  if (state.open) openEntry(state.entries[next]!);
  else {
    renderList();
    focusCursor();
  }
}

function gotoMark(k: number): void {
  const open = state.open;
  if (!open) return;
  const doc = state.docs[open.doc]!;
  const m = open.kind === 'finding' ? doc.findings[open.index]?.marks[k] : undefined;
  if (m?.document !== undefined) {
    const d = state.docs.findIndex((x) => x.path === m.document);
    if (d >= 0) showDoc(d);
  } else showDoc(open.doc);
  const pieces = Array.from($('doctext').querySelectorAll<HTMLElement>('[data-rel]')).filter((el) => el.dataset.rel!.split(' ').includes(String(k)));
  if (pieces[0]) {
    pieces[0].scrollIntoView({ block: 'center' });
    for (const p of pieces) {
      p.classList.remove('flash');
      void p.offsetWidth;
      p.classList.add('flash');
    }
  }
}

function download(what: 'html' | 'csv' | 'docx', path?: string): void {
  const now = new Date();
  const pad = (n: number): string => String(n).padStart(2, '0');
  const date = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())} ${pad(now.getHours())}:${pad(now.getMinutes())}`;
  send({ type: 'export', request: ++exportRequest, what, ...(path !== undefined ? { path } : {}), date });
}

// ---------------------------------------------------------------------------------------------
// Settings dialog

function renderSettings(): void {
  const t = w();
  const dialog = $('settings') as HTMLDialogElement;
  const sevWord = (s: Severity): string => t.severity[s];
  const ruleRow = (r: RuleInfo): string => {
    const current: RuleChoice = state.settings.rules[r.id] ?? 'default';
    const options = (['default', 'off', 'info', 'warning', 'error'] as const)
      .map((c) => `<option value="${c}"${c === current ? ' selected' : ''}>${esc(c === 'default' ? fill(t.ruleDefault, { severity: sevWord(r.defaultSeverity) }) : c === 'off' ? t.off : sevWord(c))}</option>`)
      .join('');
    return `<tr${current !== 'default' ? ' class="changed"' : ''}><td><code>${esc(r.id)}</code><div class="desc">${esc(r.description[state.locale])}</div></td><td><select data-setting="rule" data-rule="${esc(r.id)}" aria-label="${esc(r.id)}">${options}</select></td></tr>`;
  };
  const group = (label: string, list: RuleInfo[]): string => (list.length ? `<tr class="grp"><th colspan="2">${esc(label)}</th></tr>${list.map(ruleRow).join('')}` : '');
  const kinds = [`<option value="">${esc(t.kindAuto)}</option>`, ...state.kinds.map((k) => `<option value="${esc(k.id)}"${state.settings.profile === k.id ? ' selected' : ''}>${esc(k.name[state.locale])}</option>`)].join('');
  dialog.innerHTML = `<form method="dialog">
<header><h2>${esc(t.settingsTitle)}</h2><button class="x" value="close" aria-label="${esc(t.card.close)}">×</button></header>
<div class="body">
<label class="field"><span>${esc(t.kind)}</span><select data-setting="profile">${kinds}</select></label>
<p class="hint">${esc(t.kindHint)}</p>
<h3>${esc(t.rules)}</h3>
<p class="hint">${esc(t.rulesHint)}</p>
<table class="rules"><tbody>${group(t.documentRules, state.rules.filter((r) => r.scope === 'document'))}${group(t.crossRules, state.rules.filter((r) => r.scope === 'cross-document'))}</tbody></table>
</div>
<footer><button type="button" class="btn ghost" data-action="reset-settings">${esc(t.reset)}</button><button class="btn primary" value="close">${esc(t.done)}</button></footer>
</form>`;
}

let recheckTimer: ReturnType<typeof setTimeout> | undefined;
/** Settings change in bursts (a rule after another): check once they settle. */
function recheckSoon(): void {
  clearTimeout(recheckTimer);
  recheckTimer = setTimeout(() => {
    if (state.files.length > 0) check();
  }, 250);
}

// ---------------------------------------------------------------------------------------------
// Events

function onClick(event: MouseEvent): void {
  const target = event.target as HTMLElement;
  const piece = target.closest<HTMLElement>('#doctext [data-fs]');
  if (piece && !target.closest('[data-action]')) {
    const indexes = piece.dataset.fs!.split(' ').map(Number);
    const doc = state.current;
    const f = state.docs[doc]!.findings;
    // Several findings on one figure: the most serious first.
    indexes.sort((a, b) => RANK[f[a]!.severity] - RANK[f[b]!.severity] || a - b);
    if (state.tab !== 'findings') {
      state.tab = 'findings';
      renderPanel();
    }
    openEntry({ doc, index: indexes[0]! }, false);
    return;
  }
  const el = target.closest<HTMLElement>('[data-action]');
  if (!el) return;
  const action = el.dataset.action;
  switch (action) {
    case 'clear':
      state.files = [];
      check();
      return;
    case 'remove':
      event.stopPropagation();
      removeFile(el.dataset.name!);
      return;
    case 'show-doc':
      showDoc(Number(el.dataset.doc));
      return;
    case 'tab':
      state.tab = el.dataset.tab as Tab;
      state.open = null;
      state.cursor = -1;
      updateCardMarks();
      renderPanel();
      return;
    case 'open':
      openEntry(state.entries[Number(el.dataset.i)]!);
      return;
    case 'close':
      closeCard();
      return;
    case 'goto-mark':
      gotoMark(Number(el.dataset.m));
      return;
    case 'goto-line': {
      const line = lineEls[Number(el.dataset.line)];
      line?.scrollIntoView({ block: 'start' });
      return;
    }
    case 'dl-html':
      download('html');
      return;
    case 'dl-csv':
      download('csv');
      return;
    case 'dl-docx': {
      event.stopPropagation();
      const d = el.dataset.doc !== undefined ? Number(el.dataset.doc) : state.current;
      const doc = state.docs[d];
      if (doc) download('docx', doc.path);
      return;
    }
    case 'settings': {
      renderSettings();
      ($('settings') as HTMLDialogElement).showModal();
      return;
    }
    case 'reset-settings':
      state.settings = { rules: {}, profile: '' };
      saveSettings();
      renderSettings();
      recheckSoon();
      return;
    case 'locale': {
      const l = el.dataset.locale as Locale;
      if (l === state.locale) return;
      state.locale = l;
      saveSettings();
      renderAll();
      if (state.files.length > 0) check();
      return;
    }
  }
}

function onChange(event: Event): void {
  const el = event.target as HTMLInputElement | HTMLSelectElement;
  if (el.id === 'file-input') {
    const input = el as HTMLInputElement;
    if (input.files) void addFiles(input.files).finally(() => (input.value = ''));
    return;
  }
  const filter = el.dataset.filter;
  if (filter) {
    if (filter === 'sev') {
      const s = el.value as Severity;
      if ((el as HTMLInputElement).checked) state.filters.severities.add(s);
      else state.filters.severities.delete(s);
    } else if (filter === 'rule') state.filters.rule = el.value;
    else if (filter === 'doc') {
      state.filters.doc = el.value;
      if (el.value !== '') showDoc(Number(el.value));
    }
    state.cursor = -1;
    renderList();
    // Highlights follow the filters.
    if (filter !== 'doc') {
      const scrollTop = $('doctext').scrollTop;
      renderDoc();
      $('doctext').scrollTop = scrollTop;
    }
    return;
  }
  const setting = el.dataset.setting;
  if (setting === 'profile') {
    state.settings.profile = el.value;
  } else if (setting === 'rule') {
    const id = el.dataset.rule!;
    const rules = { ...state.settings.rules };
    if (el.value === 'default') delete rules[id];
    else rules[id] = el.value as Exclude<RuleChoice, 'default'>;
    state.settings.rules = rules;
    el.closest('tr')?.classList.toggle('changed', el.value !== 'default');
  } else return;
  saveSettings();
  recheckSoon();
}

function onKey(event: KeyboardEvent): void {
  if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return;
  const target = event.target as HTMLElement;
  if (target.closest('input, select, textarea, dialog')) return;
  // Enter on a button or link is that control's own.
  if (event.key === 'Enter' && target.closest('button, a, label')) return;
  switch (event.key) {
    case 'j':
    case 'ArrowDown':
      moveCursor(1);
      break;
    case 'k':
    case 'ArrowUp':
      moveCursor(-1);
      break;
    case 'Enter': {
      const e = state.entries[state.cursor];
      if (!e) return;
      openEntry(e);
      break;
    }
    case 'Escape':
      closeCard();
      break;
    default:
      return;
  }
  event.preventDefault();
}

/** Files dragged anywhere onto the page are added; the veil says so while they hover. */
function wireDrop(): void {
  let depth = 0;
  const hasFiles = (e: DragEvent): boolean => [...(e.dataTransfer?.types ?? [])].includes('Files');
  window.addEventListener('dragenter', (e) => {
    if (!hasFiles(e)) return;
    depth++;
    $('dropveil').hidden = false;
  });
  window.addEventListener('dragleave', () => {
    depth = Math.max(0, depth - 1);
    if (depth === 0) $('dropveil').hidden = true;
  });
  window.addEventListener('dragover', (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
  });
  window.addEventListener('drop', (e) => {
    e.preventDefault();
    depth = 0;
    $('dropveil').hidden = true;
    if (e.dataTransfer?.files.length) void addFiles(e.dataTransfer.files);
  });
}

function main(): void {
  loadSettings();
  renderAll();
  const app = $('app');
  app.addEventListener('click', onClick);
  app.addEventListener('change', onChange);
  document.addEventListener('keydown', onKey);
  wireDrop();
  startWorker();
  renderStatus();
}

main();
