/**
 * The worker thread plugin code runs in under the CLI (see plugins.ts), so that the main thread
 * can stop a module or a rule that never returns. Started in one of two modes:
 * - `load`: imports the plugin files the main thread names, one at a time, saying when each
 *   begins; then, if asked, goes on to serve the run with the files it has imported;
 * - `run`: imports every plugin file and serves the run: one plugin rule on one report per
 *   request, passing back as plain data what the rule reported; the main thread makes the findings.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { CrossContext, CrossReportDescriptor, CrossRule } from '../cross/rule.js';
import type { CheckResult } from '../engine/check.js';
import type { Config } from '../engine/config.js';
import type { ReportDescriptor, Rule, RuleContext } from '../engine/rule.js';
import type { LoadRequest, PluginWorkerData, RunChannel, RunEvent, RunReply, RunRequest } from './plugins.js';

const data = workerData as PluginWorkerData;

if (data.mode === 'load') {
  const port = parentPort!;
  port.on('message', (request: LoadRequest) => {
    if ('run' in request) {
      void serve(request.run);
      return;
    }
    port.postMessage({ started: true });
    import(request.url).then(
      () => port.postMessage({ ok: true }),
      () => port.postMessage({ ok: false }),
    );
  });
} else {
  await serve(data);
}

/** Why a rule threw, in the words the engine's crash finding uses. */
function why(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Answers the main thread's requests, one rule on one report (or one cross-document rule) each. */
async function serve(data: RunChannel): Promise<void> {
  // The engine is loaded only now, so that a plugin file's import is timed alone; a run's worker
  // loads it while the main thread reads the first report.
  const [{ checkReports, checkReport }, { checkDescriptor }, { RUN_STATE, rulesOf }] = await Promise.all([
    import('../builtin.js'),
    import('../engine/check.js'),
    import('./plugins.js'),
  ]);
  const state = new Int32Array(data.state);
  const signal = (value: number): void => {
    Atomics.store(state, 0, value);
    Atomics.notify(state, 0);
  };
  // A rule that calls process.exit() ends this thread, and so does a failure to set up; the main
  // thread, blocked waiting, learns it here.
  process.on('exit', () => {
    Atomics.store(state, 1, 1);
    signal(RUN_STATE.exited);
  });

  const single = new Map<string, Rule>();
  const cross = new Map<string, CrossRule>();
  for (const url of data.urls) {
    // A module is evaluated once per thread: for a `load` worker this only hands it back.
    for (const rule of rulesOf((await import(url)) as Record<string, unknown>) as Array<Rule & CrossRule>) {
      if (typeof rule.checkCross === 'function') cross.set(rule.meta.id, rule);
      else single.set(rule.meta.id, rule);
    }
  }
  // The built-in rules are not loaded here: their settings are left out, the plugin rules' kept.
  const config: Config = { ...data.config, rules: Object.fromEntries(Object.entries(data.config.rules ?? {}).filter(([id]) => single.has(id) || cross.has(id))) };
  const indexOf = new Map(data.inputs.map((input, i) => [input.id, i]));

  // Each report is read here as the engine reads it in the main thread (same text, configuration,
  // profiles and source name), and the rules' contexts are taken from a check whose rules only
  // keep the context they are given: by report index, then rule id.
  const prepared = new Map<number, Map<string, RuleContext>>();
  const keepers = (): Rule[] =>
    [...single.values()].map((rule) => ({
      meta: rule.meta,
      check: (ctx: RuleContext) => {
        const index = indexOf.get(ctx.document.source ?? '')!;
        const kept = prepared.get(index) ?? new Map<string, RuleContext>();
        prepared.set(index, kept.set(rule.meta.id, ctx));
      },
    }));

  // For cross-document rules every report is read at once, as checkReports links them, and the
  // contexts are kept. Otherwise one report at a time, the next read while the main thread is on it.
  let linked: { contexts: Map<string, CrossContext>; results: Map<string, CheckResult> } | null = null;
  const crossContexts = (): NonNullable<typeof linked> => {
    if (linked) return linked;
    const contexts = new Map<string, CrossContext>();
    const keep = [...cross.values()].map((rule) => ({ meta: rule.meta, checkCross: (ctx: CrossContext) => void contexts.set(rule.meta.id, ctx) }));
    const all = checkReports(data.inputs, config, { builtins: false, rules: keepers(), crossRules: keep, profiles: data.profiles, parents: data.parents });
    return (linked = { contexts, results: new Map(all.documents.map((d) => [d.id, d.result])) });
  };
  let order: string[] = [];
  const contextsOf = (index: number): Map<string, RuleContext> | undefined => {
    if (linked) return prepared.get(index);
    if (!prepared.has(index)) {
      const input = data.inputs[index]!;
      checkReport(input.text, config, { builtins: false, rules: keepers(), crossRules: [...cross.values()], profiles: data.profiles, parse: { source: input.id, ...(input.tables ? { tables: input.tables } : {}) } });
      order = [...(prepared.get(index)?.keys() ?? [])];
    }
    for (const done of prepared.keys()) if (done < index) prepared.delete(done);
    return prepared.get(index);
  };

  const runRule = (request: Extract<RunRequest, { kind: 'rule' }>): RunReply => {
    const rule = single.get(request.ruleId);
    const index = indexOf.get(request.document);
    const ctx = index === undefined ? undefined : contextsOf(index)?.get(request.ruleId);
    if (!rule || !ctx) return { events: [], error: `rule ${request.ruleId} did not run on ${request.document} in the plugin worker` };
    const events: RunEvent[] = [];
    const own: RuleContext = {
      ...ctx,
      // Refused here as the engine refuses it, so the rule meets the same throw at the same call.
      report: (d: ReportDescriptor) => {
        checkDescriptor(d, ctx.document.text.length, rule.meta.id);
        ctx.message(d.messageId, d.data);
        events.push({ report: d });
      },
    };
    signal(RUN_STATE.started);
    try {
      rule.check(own);
      return { events };
    } catch (error) {
      return { events, error: why(error) };
    }
  };

  const runCross = (request: Extract<RunRequest, { kind: 'cross' }>): RunReply => {
    const rule = cross.get(request.ruleId);
    const { contexts, results } = crossContexts();
    const ctx = contexts.get(request.ruleId);
    if (!rule || !ctx) return { events: [], error: `rule ${request.ruleId} did not run in the plugin worker` };
    // The rule sees each report's findings as they are in the main thread at this point.
    for (const [id, diagnostics] of request.diagnostics) {
      const result = results.get(id);
      if (result) result.diagnostics = diagnostics;
    }
    const events: RunEvent[] = [];
    const own: CrossContext = {
      ...ctx,
      compare: (c) => void events.push({ compare: c }),
      report: (d: CrossReportDescriptor) => {
        const result = results.get(d.document);
        if (!result) return;
        checkDescriptor(d, result.report.text.length, rule.meta.id);
        ctx.message(d.messageId, d.data);
        events.push({ report: d });
      },
    };
    signal(RUN_STATE.started);
    try {
      rule.checkCross(own);
      return { events };
    } catch (error) {
      return { events, error: why(error) };
    }
  };

  data.port.on('message', (request: RunRequest) => {
    let reply: RunReply;
    try {
      reply = request.kind === 'rule' ? runRule(request) : runCross(request);
    } catch (error) {
      reply = { events: [], error: why(error) };
    }
    try {
      data.port.postMessage(reply);
    } catch {
      // A finding holding a function or the like cannot be copied as it is: it goes as the JSON
      // output would show it, and only what JSON cannot hold either (a cycle, a BigInt) is an error.
      try {
        data.port.postMessage(JSON.parse(JSON.stringify(reply)) as RunReply);
      } catch (error) {
        data.port.postMessage({ events: [], error: `what it reported cannot be passed on: ${why(error)}` } satisfies RunReply);
      }
    }
    signal(RUN_STATE.done);
    // The main thread goes on to the next report: read it meanwhile.
    if (request.kind === 'rule' && !linked && request.ruleId === order.at(-1)) {
      const next = (indexOf.get(request.document) ?? Infinity) + 1;
      if (next < data.inputs.length) setImmediate(() => contextsOf(next));
    }
  });
  // A rule's timer or promise that throws after the rule returned cannot be told apart from the
  // next rule's doing; its findings are in, so the thread goes on. Set only now: a failure to
  // set up must end the thread, which tells the main thread (above).
  process.on('uncaughtException', () => {});
  // The first worker reads ahead; one that replaces a stopped worker reads only what it is asked
  // for, so that many overruns do not each cost a reading of every report.
  if (data.readAhead && cross.size > 0) crossContexts();
  else if (data.readAhead && single.size > 0 && data.inputs.length > 0) contextsOf(0);
}
