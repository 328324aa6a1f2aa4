/** Real report text for the fuzzer to cut fragments from: the seeds and the shared corpus. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The texts fragments are cut from, and a note when the shared corpus was not found. */
export interface FuzzSources {
  texts: readonly string[];
  /** Set when `../shared/corpus` is missing: the run goes on with the seeds alone. */
  corpusNote: string | null;
}

/** Reads every `.txt` file of a directory (sorted, so runs with one seed are reproducible). */
function textFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(join(dir, f), 'utf8'));
}

/**
 * The corpus files open with header lines (`url:`, `title:` …) and a blank line; only the
 * excerpt after it is page text, so only that is worth mutating.
 */
function corpusBody(file: string): string {
  const blank = file.indexOf('\n\n');
  return blank >= 0 ? file.slice(blank + 2) : file;
}

/** Loads the seeds of the project at `root` and, when present, `root/../shared/corpus`. */
export function loadFuzzSources(root: string): FuzzSources {
  const texts = textFiles(join(root, 'seeds'));
  const corpusDir = resolve(root, '..', 'shared', 'corpus');
  if (!existsSync(corpusDir)) {
    return { texts, corpusNote: `fuzz: ${corpusDir} not found; using the seeds only` };
  }
  texts.push(...textFiles(corpusDir).map(corpusBody).filter((t) => t.length > 0));
  return { texts, corpusNote: null };
}
