import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { projectPath } from '../helpers.js';

/** Folders of the core, which must run in a browser. */
const CORE = [
  'src/model',
  'src/parse',
  'src/text',
  'src/claims',
  'src/arithmetic',
  'src/engine',
  'src/profiles',
  'src/cross',
  'src/report',
  'src/io/source.ts',
  'src/io/map-findings.ts',
  'src/io/decode.ts',
  'src/io/html.ts',
  'src/io/docx.ts',
  'src/io/docx-annotate.ts',
  'src/io/pdf.ts',
  'src/io/locate.ts',
  'src/io/limits.ts',
  'src/io/checked-documents.ts',
  'src/io/formats/index.ts',
  'src/io/formats/facts.ts',
  'src/io/formats/types.ts',
  'src/io/formats/text.ts',
  'src/io/formats/html.ts',
  'src/io/formats/docx.ts',
  'src/io/formats/pdf.ts',
  'src/io/formats/ole.ts',
  'src/docx.ts',
  'src/web',
  'src/index.ts',
  'src/report-helpers.ts',
  'rules',
];

function sources(path: string): string[] {
  const abs = projectPath(path);
  if (statSync(abs).isFile()) return [abs];
  return readdirSync(abs, { recursive: true })
    .map((f) => join(abs, String(f)))
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
}

describe('the core imports nothing from Node', () => {
  const files = CORE.flatMap(sources);

  it('has core files to check', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it.each(files.map((f) => [relative(projectPath(''), f), f]))('%s uses no Node module or global', (_name, file) => {
    const code = readFileSync(file, 'utf8');
    expect(code).not.toMatch(/(from|import\()\s*['"]node:/);
    expect(code).not.toMatch(/from ['"](fs|path|os|url|util|crypto|child_process|stream|buffer)['"]/);
    expect(code).not.toMatch(/\b(process|Buffer|require|__dirname)\s*[.(]/);
  });

  it.each(['src/index.ts', 'src/io/html.ts', 'src/docx.ts', 'src/io/formats/index.ts'])('%s bundles for the browser platform', async (entry) => {
    const result = await build({
      entryPoints: [projectPath(entry)],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      logLevel: 'silent',
    });
    expect(result.errors).toEqual([]);
    const out = result.outputFiles[0]!.text;
    expect(out).not.toMatch(/require\(["']node:/);
  });
});
