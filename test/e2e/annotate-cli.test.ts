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
    expect(r.stderr).toContain('b.txt: not a .docx file; no commented copy is written');

    // The commented copy named as an input: refused, the file left as it was.
    const copy = join(dir, 'out', 'a.校核.docx');
    const kept = sha(copy);
    const again = runCli(['check', input, copy, '--annotate-dir', join(dir, 'out'), '--no-config']);
    expect(again.code).toBe(2);
    expect(sha(copy)).toBe(kept);
  });
});
