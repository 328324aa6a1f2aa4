import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { scratchDir, seedText } from '../helpers.js';
import { runCli } from './run-cli.js';

async function docxOf(text: string): Promise<Buffer> {
  const doc = new Document({ sections: [{ children: text.split('\n').map((line) => new Paragraph({ text: line })) }] });
  return Packer.toBuffer(doc);
}

const sha = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

/** The comments of a .docx: each one's text, read from word/comments.xml. */
function comments(path: string): string[] {
  const xml = new TextDecoder().decode(unzipSync(new Uint8Array(readFileSync(path)))['word/comments.xml'] ?? new Uint8Array());
  return [...xml.matchAll(/<w:comment\b[\s\S]*?<\/w:comment>/g)].map((m) => [...m[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''));
}

describe('jiaohe check --annotate (built CLI)', () => {
  it('writes 报告.校核.docx beside each .docx, one comment per finding reported, the input untouched', async () => {
    const dir = scratchDir('jiaohe-annotate-cli-');
    const input = join(dir, '石门街.docx');
    writeFileSync(input, await docxOf(seedText('street')));
    const before = sha(input);
    const json = runCli(['check', input, '--format', 'json', '--no-config']);
    const findings = (JSON.parse(json.stdout) as { documents: Array<{ diagnostics: Array<{ message: string }> }> }).documents[0]!.diagnostics;
    expect(findings.length).toBeGreaterThan(0);

    const r = runCli(['check', input, '--annotate', '--no-config']);
    expect(r.code).toBe(json.code);
    const out = join(dir, '石门街.校核.docx');
    expect(existsSync(out)).toBe(true);
    expect(r.stderr).toContain(`(${findings.length} 条批注)`);
    expect(sha(input)).toBe(before);
    const notes = comments(out);
    expect(notes).toHaveLength(findings.length);
    // Each comment holds its finding's message (in the comment's own first line).
    for (const f of findings) expect(notes.some((n) => n.includes(f.message))).toBe(true);
  });

  it('writes into --annotate-dir, skips inputs that are not .docx with a note, and never writes over an input', async () => {
    const dir = scratchDir('jiaohe-annotate-dir-');
    const input = join(dir, 'a.docx');
    writeFileSync(input, await docxOf(seedText('street')));
    writeFileSync(join(dir, 'b.txt'), seedText('street'));
    const r = runCli(['check', input, join(dir, 'b.txt'), '--annotate-dir', join(dir, 'out'), '--no-config', '--locale', 'en']);
    expect(existsSync(join(dir, 'out', 'a.校核.docx'))).toBe(true);
    expect(r.stderr).toContain('b.txt: not a .docx read from a file; no commented copy is written');

    // The commented copy named as an input: not written over, said, and the run goes on.
    const copy = join(dir, 'out', 'a.校核.docx');
    const kept = sha(copy);
    const again = runCli(['check', input, copy, '--annotate-dir', join(dir, 'out'), '--no-config']);
    expect(again.code).not.toBe(2);
    expect(again.stderr).toContain('是被检查的文件之一,未写入');
    expect(sha(copy)).toBe(kept);
  });

  it('does not read its own commented copies as reports when a folder is checked again', async () => {
    const dir = scratchDir('jiaohe-annotate-again-');
    writeFileSync(join(dir, '报告.docx'), await docxOf(seedText('street')));
    const first = runCli(['check', dir, '--annotate', '--format', 'json', '--no-config']);
    expect((JSON.parse(first.stdout) as { documents: unknown[] }).documents).toHaveLength(1);
    expect(existsSync(join(dir, '报告.校核.docx'))).toBe(true);
    const second = runCli(['check', dir, '--annotate', '--format', 'json', '--no-config']);
    expect(second.code).toBe(first.code);
    expect((JSON.parse(second.stdout) as { documents: Array<{ path: string }> }).documents.map((d) => d.path)).toEqual([join(dir, '报告.docx')]);
    expect(second.stderr).toContain('已写入带批注的副本');
  });

  it('writes one copy per name into --annotate-dir and says so for a second file of the same name', async () => {
    const dir = scratchDir('jiaohe-annotate-same-');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(join(dir, 'a'));
    mkdirSync(join(dir, 'b'));
    writeFileSync(join(dir, 'a', '报告.docx'), await docxOf(seedText('street')));
    writeFileSync(join(dir, 'b', '报告.docx'), await docxOf(seedText('district')));
    const r = runCli(['check', join(dir, 'a', '报告.docx'), join(dir, 'b', '报告.docx'), '--annotate-dir', join(dir, 'out'), '--no-config']);
    expect(r.stderr.match(/已写入带批注的副本/g)).toHaveLength(1);
    expect(r.stderr).toContain('已由另一个同名文件写入,未覆盖');
  });

  it('writes no copy for a .docx read from standard input, and says why', async () => {
    const dir = scratchDir('jiaohe-annotate-stdin-');
    const r = runCli(['check', '-', '--stdin-filename', '报告.docx', '--annotate', '--no-config'], { cwd: dir, input: await docxOf(seedText('street')) });
    expect(r.code).not.toBe(2);
    expect(r.stderr).toContain('报告.docx: 不是从文件读取的 .docx');
    expect(existsSync(join(dir, '报告.校核.docx'))).toBe(false);
  });
});
