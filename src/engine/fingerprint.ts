/**
 * A 64-bit hash as 16 hex digits: FNV-1a over UTF-16 units, run twice with different offsets
 * in 32-bit arithmetic (Math.imul keeps it exact and fast). Stable across runs and platforms.
 */
export function hash64(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (a >>> 15);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

/**
 * A finding's fingerprint: the rule, the message, the headings it sits under and the words
 * around it in its sentence, with whitespace dropped. Edits elsewhere (even ones that move it)
 * leave it alone; editing the words next to it changes it. `occurrence` tells apart equal
 * findings with the same surroundings.
 */
export function fingerprint(ruleId: string, messageId: string, sectionPath: readonly string[], context: string, occurrence: number): string {
  const text = context.replace(/\s/g, '');
  return hash64([ruleId, messageId, sectionPath.join(' > '), text, String(occurrence)].join('\u0000'));
}
