/**
 * Baselines: today's findings accepted by fingerprint, so a run reports only new ones. A
 * finding matches an accepted one with the same file, rule and fingerprint; each accepted
 * entry is used once, so a second copy of an old problem is still new.
 */
import { statSync } from 'node:fs';
import { relative, resolve, dirname, sep } from 'node:path';
import { z } from 'zod';
import { issuePath, issueText } from '../engine/config.js';
import type { Diagnostic } from '../engine/diagnostic.js';
import { readJsonFile } from './config-file.js';
import { CliError, cliTemplate, errnoText } from './messages.js';

/** The baseline file: which tool wrote it, its format version, and the accepted findings. */
export const BaselineSchema = z
  .object({
    tool: z.literal('jiaohe'),
    baselineVersion: z.literal(1),
    findings: z.array(
      z
        .object({
          /** The file, relative to the baseline file, with `/` separators. */
          path: z.string(),
          ruleId: z.string(),
          fingerprint: z.string(),
          /** How many findings share this file, rule and fingerprint. */
          count: z.number().int().positive(),
          /** The message when the baseline was written, for people reading the file. */
          message: z.string().optional(),
        })
        .strict(),
    ),
  })
  .strict();
/** A baseline file's content. */
export type Baseline = z.infer<typeof BaselineSchema>;

/** Reads a baseline file; anything that is not one of ours is a `CliError` saying why. */
export function readBaseline(path: string): Baseline {
  const parsed = BaselineSchema.safeParse(readJsonFile(path));
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const at = issuePath(issue.path) || '(root)';
  throw new CliError('badBaseline', { path, why: { zh: `${at}: ${issueText(issue, 'zh')}`, en: `${at}: ${issueText(issue, 'en')}` } });
}

/** Baselines past this size are not read to see whose they are: no baseline of reports is that big. */
const MAX_BASELINE_BYTES = 64 * 1024 * 1024;

/**
 * Refuses to let `--write-baseline` replace a file that is not a jiaohe baseline (another report
 * or a config given by mistake). A missing file is fine, and so is any jiaohe baseline, even
 * one this version cannot read (it is ours to rewrite).
 */
export function assertBaselineWritable(path: string): void {
  let size: number;
  try {
    const info = statSync(path);
    if (!info.isFile()) throw new CliError('notBaselineTarget', { path, why: errnoText({ code: info.isDirectory() ? 'EISDIR' : 'ENOTFILE' }) });
    size = info.size;
  } catch (error) {
    if (error instanceof CliError) throw error;
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw new CliError('cannotRead', { path, why: errnoText(error) });
  }
  if (size > MAX_BASELINE_BYTES) throw new CliError('notBaselineTarget', { path, why: cliTemplate('tooBigForBaseline', { size: `${(size / 1024 / 1024).toFixed(0)} MB` }) });
  let content: unknown;
  try {
    content = readJsonFile(path);
  } catch (error) {
    if (error instanceof CliError && error.id === 'notJson') throw new CliError('notBaselineTarget', { path, why: cliTemplate('notJsonContent') });
    throw error;
  }
  if (content === null || typeof content !== 'object' || Array.isArray(content)) throw new CliError('notBaselineTarget', { path, why: cliTemplate('notJsonObject') });
  const record = content as Record<string, unknown>;
  if (record.tool !== 'jiaohe' || !Object.hasOwn(record, 'baselineVersion')) throw new CliError('notBaselineTarget', { path, why: cliTemplate('notJiaoheTool') });
}

/** A document's path as the baseline records it: relative to the baseline file, `/`-separated. */
export function baselinePath(baselineFile: string, documentPath: string): string {
  return relative(dirname(resolve(baselineFile)), resolve(documentPath)).split(sep).join('/');
}

const keyOf = (path: string, d: Pick<Diagnostic, 'ruleId' | 'fingerprint'>): string => `${path}\u0000${d.ruleId}\u0000${d.fingerprint}`;

/** Builds a baseline accepting every finding of every document. */
export function buildBaseline(baselineFile: string, docs: ReadonlyArray<{ path: string; diagnostics: readonly Diagnostic[] }>): Baseline {
  const entries = new Map<string, Baseline['findings'][number]>();
  for (const doc of docs) {
    const path = baselinePath(baselineFile, doc.path);
    for (const d of doc.diagnostics) {
      const key = keyOf(path, d);
      const e = entries.get(key);
      if (e) e.count++;
      else entries.set(key, { path, ruleId: d.ruleId, fingerprint: d.fingerprint, count: 1, message: d.message });
    }
  }
  const findings = [...entries.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : a.fingerprint < b.fingerprint ? -1 : 1));
  return { tool: 'jiaohe', baselineVersion: 1, findings };
}

/** Splits one document's findings into new ones and those the baseline accepts. */
export function applyBaseline(
  baseline: Baseline,
  baselineFile: string,
  docs: ReadonlyArray<{ path: string; diagnostics: readonly Diagnostic[] }>,
): Array<{ fresh: Diagnostic[]; accepted: Diagnostic[] }> {
  const remaining = new Map<string, number>();
  for (const f of baseline.findings) remaining.set(keyOf(f.path, f), (remaining.get(keyOf(f.path, f)) ?? 0) + f.count);
  return docs.map((doc) => {
    const path = baselinePath(baselineFile, doc.path);
    const fresh: Diagnostic[] = [];
    const accepted: Diagnostic[] = [];
    for (const d of doc.diagnostics) {
      const key = keyOf(path, d);
      const left = remaining.get(key) ?? 0;
      if (left > 0) {
        remaining.set(key, left - 1);
        accepted.push(d);
      } else fresh.push(d);
    }
    return { fresh, accepted };
  });
}
