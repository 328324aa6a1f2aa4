/**
 * Rules from a user's own file (`--plugin path/to/rule.js`), imported only when named. A plugin
 * module exports a rule, a cross-document rule, an array of them, or `{ rules: [...] }`, as its
 * default export or as `rules`.
 *
 * Plugin code is not ours, so the CLI gives it a time budget: each file is first imported in a
 * worker thread (plugin-worker.ts) with a deadline, and during a check the plugin rules run in a
 * worker, one rule on one document at a time, which is stopped when a rule overruns. Built-in
 * rules run in the main thread as before; the library's `checkReport` runs extra rules
 * in-process, with no budget.
 */
import type { SourceTable } from '../model/table.js';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { MessagePort, Worker } from 'node:worker_threads';
import type { CheckReportsResult } from '../cross/check.js';
import type { CrossComparison, CrossContext, CrossReportDescriptor, CrossRule } from '../cross/rule.js';
import { compareDiagnostics, INTERNAL_RULE_ID, toDiagnostic } from '../engine/check.js';
import type { Config } from '../engine/config.js';
import type { Diagnostic } from '../engine/diagnostic.js';
import type { ReportDescriptor, Rule, RuleContext } from '../engine/rule.js';
import type { Profile } from '../profiles/schema.js';
import type { MessageTemplate } from '../engine/messages.js';
import { CliError, cliMessage } from './messages.js';

/** node:worker_threads, loaded when a run has plugins: most runs have none, and it costs start-up time. */
function threads(): typeof import('node:worker_threads') {
  return process.getBuiltinModule('node:worker_threads');
}

/**
 * How this thread imports a plugin file. The built CLI's code runs from a V8 code cache
 * (compile-cache.ts), where Node 20 cannot resolve an `import()` of the cached code itself, so
 * the executable hands over one of its own (`setPluginImporter`, from bin.ts).
 */
let importPlugin: (url: string) => Promise<unknown> = (url) => import(url);

/** Sets how plugin files are imported in this thread (the CLI's executable does, before it runs). */
export function setPluginImporter(importer: (url: string) => Promise<unknown>): void {
  importPlugin = importer;
}

/**
 * Imports a module the user named on the command line (a formatter file) in this thread, the way
 * plugin files are imported. Unlike a plugin rule it is not run under a time budget: it runs once,
 * after the check, on the user's own explicit request.
 */
export function importUserModule(url: string): Promise<unknown> {
  return importPlugin(url);
}

/** The rules a run loaded from plugin files. */
export interface PluginRules {
  rules: Rule[];
  crossRules: CrossRule[];
  /** The worker that imported the files, when kept (`keepWorker`) to run their rules: it has them loaded already. */
  worker?: Worker;
}

const ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*(\/[a-z][a-z0-9]*(-[a-z0-9]+)*)?$/;

/** A reason in both locales. */
const why = (zh: string, en: string): MessageTemplate => ({ zh, en });

/** A module that exports no rule, in both locales. */
const NO_RULE = why(
  '它没有导出规则(请 export default 一条带 meta 和 check 的规则、规则数组或 { rules })',
  'it exports no rule (export default a rule with meta and check, an array of rules, or { rules })',
);

/** Why a value is not a rule (in both locales), or null when it is one. */
function notARule(value: unknown): MessageTemplate | null {
  const r = value as Partial<Rule & CrossRule> | null;
  if (!r || typeof r !== 'object' || !r.meta || typeof r.meta !== 'object') return NO_RULE;
  const m = r.meta;
  if (typeof m.id !== 'string' || !ID.test(m.id)) return why(`规则 id '${String(m.id)}' 应为小写字母加连字符`, `rule id '${String(m.id)}' is not a lower-case-with-dashes id`);
  if (typeof r.check !== 'function' && typeof r.checkCross !== 'function') return why(`规则 ${m.id} 没有 check 函数`, `rule ${m.id} has no check function`);
  if (!m.messages || typeof m.messages !== 'object' || Object.keys(m.messages).length === 0) return why(`规则 ${m.id} 没有消息`, `rule ${m.id} has no messages`);
  for (const [id, t] of Object.entries(m.messages)) {
    if (typeof t?.zh !== 'string' || typeof t?.en !== 'string') return why(`规则 ${m.id} 的消息 ${id} 需要 zh 和 en 两种文本`, `rule ${m.id}: message ${id} needs zh and en`);
  }
  if (typeof m.docs?.description?.zh !== 'string' || typeof m.docs?.description?.en !== 'string') {
    return why(`规则 ${m.id} 需要 zh 和 en 两种 docs.description`, `rule ${m.id} needs docs.description in zh and en`);
  }
  if (!m.options || typeof (m.options as { safeParse?: unknown }).safeParse !== 'function') {
    return why(`规则 ${m.id} 需要选项的 schema(没有选项时写 z.object({}))`, `rule ${m.id} needs an options schema (z.object({}) when it has none)`);
  }
  if (!['error', 'warning', 'info'].includes(m.defaultSeverity as string)) {
    return why(`规则 ${m.id} 的 defaultSeverity 应为 error、warning 或 info`, `rule ${m.id} needs a defaultSeverity of error, warning or info`);
  }
  return null;
}

/** The rules a plugin module exports, in any of the accepted shapes. */
export function rulesOf(mod: Record<string, unknown>): unknown[] {
  const exported = mod.default ?? mod.rules ?? mod;
  // A CommonJS module imported from ESM arrives as { default: module.exports }.
  const unwrapped = exported && typeof exported === 'object' && 'rules' in exported && !('meta' in exported) ? (exported as { rules: unknown }).rules : exported;
  return Array.isArray(unwrapped) ? unwrapped : [unwrapped];
}

/** How long plugin code may take, in milliseconds: to import one file, to run one rule on one document. */
export interface PluginBudget {
  loadMs: number;
  ruleMs: number;
}

/** The environment variables that set the budget, in seconds, and their defaults. */
const BUDGET_VARIABLES = { loadMs: ['JIAOHE_PLUGIN_LOAD_TIMEOUT', 10], ruleMs: ['JIAOHE_PLUGIN_TIMEOUT', 5] } as const;

/** The budget the environment sets (`JIAOHE_PLUGIN_LOAD_TIMEOUT`, `JIAOHE_PLUGIN_TIMEOUT`); a bad value is a `CliError`. */
export function pluginBudget(env: Record<string, string | undefined>): PluginBudget {
  const ms = ([name, fallback]: readonly [string, number]): number => {
    const value = env[name];
    if (value === undefined || value === '') return fallback * 1000;
    const seconds = Number(value);
    if (!Number.isFinite(seconds) || seconds <= 0) throw new CliError('badPluginBudget', { name, value });
    return seconds * 1000;
  };
  return { loadMs: ms(BUDGET_VARIABLES.loadMs), ruleMs: ms(BUDGET_VARIABLES.ruleMs) };
}

/** A budget as the messages give it: `5`, `0.5`. */
function seconds(ms: number): string {
  return String(ms / 1000);
}

/**
 * The worker's built file, beside the running chunk in dist/. Run from the TypeScript sources
 * (vitest importing the CLI in-process) there is none, and plugin code then runs in-process with
 * no budget, as the library runs it.
 */
function workerUrl(): URL | null {
  const url = new URL('./plugin-worker.js', import.meta.url);
  return url.protocol === 'file:' && existsSync(fileURLToPath(url)) ? url : null;
}

/** Each plugin file once, in the order first named: the path as given and the URL it is imported by. */
function pluginFiles(paths: readonly string[]): Array<{ path: string; url: string }> {
  return [...new Map(paths.map((p) => [resolve(p), p])).entries()].map(([absolute, path]) => ({ path, url: pathToFileURL(absolute).href }));
}

/** What the plugin worker is started with. */
export type PluginWorkerData = { mode: 'load' } | ({ mode: 'run' } & RunChannel);

/**
 * What a run's worker is given, at its start or when a `load` worker goes on to run: the setup,
 * how to talk to it, and whether to read the reports ahead (the first worker of a run does).
 */
export type RunChannel = RunSetup & { port: MessagePort; state: SharedArrayBuffer; readAhead: boolean };

/** What the main thread sends a `load` worker: a file to import, or the run to serve with the files it imported. */
export type LoadRequest = { url: string } | { run: RunChannel };

/** What a run's worker needs to rebuild each rule's context: the files, the reports and the configuration. */
export interface RunSetup {
  urls: string[];
  inputs: Array<{ id: string; text: string; tables?: SourceTable[] }>;
  config: Config;
  profiles: Profile[];
  parents: Record<string, string>;
}

/** One rule on one document, or one cross-document rule with every linked document's findings so far. */
export type RunRequest = { kind: 'rule'; ruleId: string; document: string } | { kind: 'cross'; ruleId: string; diagnostics: Array<[string, Diagnostic[]]> };

/** What a rule did, in order: findings reported and comparisons recorded. */
export type RunEvent = { report: ReportDescriptor } | { compare: Omit<CrossComparison, 'ruleId'> };

/** The worker's answer: the rule's events, and why it threw when it did. */
export interface RunReply {
  events: RunEvent[];
  error?: string;
}

/**
 * Slot 0 of the shared state says where a request stands; slot 1 is set when the worker exits.
 * The main thread waits on it with `Atomics.wait`, since the engine calls rules synchronously.
 */
export const RUN_STATE = { pending: 0, started: 1, done: 2, exited: 3 } as const;

/** Imports plugin files in a worker first, so a module whose loading never ends is an error, not a hang. */
class ImportProbe {
  private worker: Worker | null = null;

  constructor(
    private readonly url: URL,
    private readonly loadMs: number,
  ) {}

  /** Resolves once the worker has imported the file, or failed to: the main thread's own import then says why. */
  async tryImport(path: string, url: string): Promise<void> {
    const worker = (this.worker ??= this.spawn());
    await new Promise<void>((done, fail) => {
      // Until the worker says it has begun, it is starting up: that is not the plugin's time.
      let timer = setTimeout(() => stop(new Error('the plugin worker did not start')), STARTUP_MS);
      const stop = (error: Error): void => {
        this.close();
        fail(error);
      };
      const onMessage = (message: { started?: boolean }): void => {
        clearTimeout(timer);
        if (message.started) {
          timer = setTimeout(() => stop(new CliError('pluginLoadTimeout', { path, seconds: seconds(this.loadMs) })), this.loadMs);
          return;
        }
        finish();
        done();
      };
      const onExit = (): void => {
        this.worker = null;
        finish();
        done();
      };
      const finish = (): void => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('exit', onExit);
      };
      worker.on('message', onMessage);
      worker.on('exit', onExit);
      worker.postMessage({ url } satisfies LoadRequest);
    });
  }

  /** Stops the worker. */
  close(): void {
    void this.worker?.terminate();
    this.worker = null;
  }

  /** The worker, no longer this probe's: the caller runs the rules in it or stops it. */
  release(): Worker | undefined {
    const worker = this.worker ?? undefined;
    this.worker = null;
    return worker;
  }

  private spawn(): Worker {
    const worker = new (threads().Worker)(this.url, { workerData: { mode: 'load' } satisfies PluginWorkerData });
    worker.unref();
    // A plugin that throws later from a timer ends the worker; 'exit' says so, and the main
    // thread's own import of the file gives the error.
    worker.on('error', () => {});
    return worker;
  }
}

/** A backstop for a worker that does not start at all: a broken installation, not a plugin. */
const STARTUP_MS = 60_000;

/** How `loadPlugins` runs: the environment (for the budget), and whether to keep the worker for a run. */
export interface LoadOptions {
  env?: Record<string, string | undefined>;
  keepWorker?: boolean;
}

/**
 * Imports plugin files (each in a worker first, under the load budget) and checks their rules;
 * any problem is a `CliError` naming the file.
 */
export async function loadPlugins(paths: readonly string[], builtinIds: ReadonlySet<string>, { env = process.env, keepWorker = false }: LoadOptions = {}): Promise<PluginRules> {
  const out: PluginRules = { rules: [], crossRules: [] };
  const seen = new Set(builtinIds);
  const files = pluginFiles(paths);
  const url = files.length > 0 ? workerUrl() : null;
  const probe = url ? new ImportProbe(url, pluginBudget(env).loadMs) : null;
  try {
    for (const { path, url } of files) {
      if (!existsSync(path)) throw new CliError('badPlugin', { path, why: why('文件不存在', 'no such file') });
      await probe?.tryImport(path, url);
      let mod: Record<string, unknown>;
      try {
        mod = (await importPlugin(url)) as Record<string, unknown>;
      } catch (error) {
        // Node's own words: a package the file imports that cannot be found from where it is, a syntax error…
        throw new CliError('badPlugin', { path, why: ((error as Error).message ?? String(error)).split('\n')[0]! });
      }
      const found = rulesOf(mod);
      if (found.length === 0) throw new CliError('badPlugin', { path, why: NO_RULE });
      for (const rule of found) {
        const bad = notARule(rule);
        if (bad) throw new CliError('badPlugin', { path, why: bad });
        const r = rule as Rule & CrossRule;
        if (seen.has(r.meta.id)) throw new CliError('badPlugin', { path, why: why(`规则 id '${r.meta.id}' 已被占用`, `rule id '${r.meta.id}' is already taken`) });
        seen.add(r.meta.id);
        if (typeof r.checkCross === 'function') out.crossRules.push(r);
        else out.rules.push(r);
      }
    }
    const worker = keepWorker ? probe?.release() : undefined;
    if (worker) out.worker = worker;
  } finally {
    probe?.close();
  }
  return out;
}

/** Plugin rules as a CLI check runs them, and what it does with those that overran. */
export interface PluginRun {
  /** Stand-ins for the plugin rules, to give `checkReports` (same metas; the checks run in the worker). */
  rules: Rule[];
  crossRules: CrossRule[];
  /** Adds an `internal-error` finding for each rule that overran its budget. */
  finish(result: CheckReportsResult): void;
  /** Stops the worker. */
  close(): void;
}

/** What a run needs besides the plugin rules: the files, the reports, the configuration and the environment. */
export interface PluginRunSetup {
  paths: readonly string[];
  inputs: ReadonlyArray<{ id: string; text: string; tables?: SourceTable[] }>;
  config: Config;
  profiles: readonly Profile[];
  parents: Record<string, string>;
  env: Record<string, string | undefined>;
}

/** Whether the configuration leaves a rule on (a plugin rule's default severity is never off). */
function enabled(config: Config, id: string): boolean {
  const setting = config.rules?.[id];
  return (Array.isArray(setting) ? setting[0] : setting) !== 'off';
}

/**
 * Plugin rules set up to run in a worker under a time budget. With no plugin rule enabled, or
 * no built worker (run from sources), the rules themselves, run in-process.
 */
export function runPlugins(plugins: PluginRules, setup: PluginRunSetup): PluginRun {
  const url = workerUrl();
  const ids = [...plugins.rules, ...plugins.crossRules].map((r) => r.meta.id);
  if (!url || !ids.some((id) => enabled(setup.config, id))) {
    void plugins.worker?.terminate();
    return { rules: plugins.rules, crossRules: plugins.crossRules, finish: () => {}, close: () => {} };
  }
  const sandbox = new Sandbox(
    url,
    {
      urls: pluginFiles(setup.paths).map((f) => f.url),
      inputs: setup.inputs.map(({ id, text, tables }) => ({ id, text, ...(tables ? { tables } : {}) })),
      config: setup.config,
      profiles: [...setup.profiles],
      parents: setup.parents,
    },
    pluginBudget(setup.env),
    plugins.worker,
  );
  return {
    rules: plugins.rules.map((rule) => ({ meta: rule.meta, check: (ctx: RuleContext) => sandbox.check(rule.meta.id, ctx) })),
    crossRules: plugins.crossRules.map((rule) => ({ meta: rule.meta, checkCross: (ctx: CrossContext) => sandbox.checkCross(rule.meta.id, ctx) })),
    finish: (result) => sandbox.finish(result),
    close: () => sandbox.close(),
  };
}

/** Waits while slot 0 holds `value`, at most `ms`; false when the time ran out. */
function waitWhile(state: Int32Array, value: number, ms: number): boolean {
  const end = performance.now() + ms;
  while (Atomics.load(state, 0) === value) {
    const left = end - performance.now();
    if (left <= 0) return false;
    Atomics.wait(state, 0, value, left);
  }
  return true;
}

/**
 * Reading a report again in the worker, and a fresh worker importing the files again, are not a
 * rule's time; this bounds them beyond the files' load budgets, which they met before.
 */
const SETUP_MS = 60_000;

/** The worker plugin rules run in, replaced by a fresh one whenever a rule overruns. */
class Sandbox {
  private live: { worker: Worker; port: MessagePort; state: Int32Array } | null;
  private readonly overruns: Array<{ ruleId: string; document: string | null }> = [];

  constructor(
    private readonly url: URL,
    private readonly setup: RunSetup,
    private readonly budget: PluginBudget,
    loaded?: Worker,
  ) {
    // Started at once, to read the first report while this thread does the same; the worker that
    // imported the files when they were loaded goes on to run them.
    this.live = this.spawn(true, loaded);
  }

  /** Runs a plugin rule on one report in the worker and reports what it reported, as the engine would have. */
  check(ruleId: string, ctx: RuleContext): void {
    const document = ctx.document.source ?? '';
    const reply = this.call({ kind: 'rule', ruleId, document }, document);
    if (!reply) return;
    for (const event of reply.events) if ('report' in event) ctx.report(event.report);
    if (reply.error !== undefined) throw new Error(reply.error);
  }

  /** Runs a cross-document plugin rule in the worker, handing it the findings the reports have so far. */
  checkCross(ruleId: string, ctx: CrossContext): void {
    const diagnostics = new Map<string, Diagnostic[]>();
    for (const { child, parent } of ctx.links) {
      diagnostics.set(child.id, child.result.diagnostics);
      diagnostics.set(parent.id, parent.result.diagnostics);
    }
    const reply = this.call({ kind: 'cross', ruleId, diagnostics: [...diagnostics] }, null);
    if (!reply) return;
    for (const event of reply.events) {
      if ('compare' in event) ctx.compare(event.compare);
      else ctx.report(event.report as CrossReportDescriptor);
    }
    if (reply.error !== undefined) throw new Error(reply.error);
  }

  /** Adds an `internal-error` finding where each overrun happened (a cross-document rule's: the first report, as for a crash). */
  finish(result: CheckReportsResult): void {
    const locale = this.setup.config.locale ?? 'zh';
    const occurrences = new Map<string, Map<string, number>>();
    for (const { ruleId, document } of this.overruns) {
      const doc = document === null ? result.documents[0] : result.documents.find((d) => d.id === document);
      if (!doc) continue;
      const seen = occurrences.get(doc.id) ?? new Map<string, number>();
      occurrences.set(doc.id, seen);
      const budget = seconds(this.budget.ruleMs);
      const message = cliMessage(locale, 'pluginOverran', { id: ruleId, seconds: budget });
      const descriptor = { messageId: 'overran', range: { start: 0, end: 0 }, evidence: { figures: [], note: `rule ${ruleId} stopped after ${budget} s` } };
      doc.result.diagnostics.push(toDiagnostic(doc.result.report, INTERNAL_RULE_ID, 'overran', 'error', message, descriptor, seen));
      doc.result.diagnostics.sort(compareDiagnostics);
    }
  }

  /** Stops the worker. */
  close(): void {
    this.retire();
  }

  /**
   * Sends one request and waits for the reply; null when the rule overran its budget (recorded,
   * and the worker replaced).
   */
  private call(request: RunRequest, document: string | null): RunReply | null {
    if (!this.live || Atomics.load(this.live.state, 1) === 1) {
      this.retire();
      this.live = this.spawn(false);
    }
    const { port, state } = this.live;
    Atomics.store(state, 0, RUN_STATE.pending);
    port.postMessage(request);
    const ready = waitWhile(state, RUN_STATE.pending, this.budget.loadMs * this.setup.urls.length + SETUP_MS);
    const ran = ready && waitWhile(state, RUN_STATE.started, this.budget.ruleMs);
    const now = Atomics.load(state, 0);
    if (ran && now === RUN_STATE.done) {
      const reply = threads().receiveMessageOnPort(port);
      if (reply) return reply.message as RunReply;
    }
    this.retire();
    if (ran) return { events: [], error: 'the worker thread running plugin rules stopped (process.exit?)' };
    this.overruns.push({ ruleId: request.ruleId, document });
    return null;
  }

  private spawn(readAhead: boolean, loaded?: Worker): { worker: Worker; port: MessagePort; state: Int32Array } {
    const { port1, port2 } = new (threads().MessageChannel)();
    const shared = new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT);
    const channel: RunChannel = { ...this.setup, port: port2, state: shared, readAhead };
    let worker: Worker;
    // A thread id of -1: the load worker has ended meanwhile (a plugin's timer threw), so a fresh one.
    if (loaded && loaded.threadId !== -1) {
      worker = loaded;
      worker.postMessage({ run: channel } satisfies LoadRequest, [port2]);
    } else {
      worker = new (threads().Worker)(this.url, { workerData: { mode: 'run', ...channel } satisfies PluginWorkerData, transferList: [port2] });
      worker.unref();
      // This thread is blocked while a rule runs, so it learns that the worker ended from the
      // shared state (slot 1), not from this event; the listener keeps the error from ending the CLI.
      worker.on('error', () => {});
    }
    return { worker, port: port1, state: new Int32Array(shared) };
  }

  private retire(): void {
    if (!this.live) return;
    void this.live.worker.terminate();
    this.live.port.close();
    this.live = null;
  }
}
