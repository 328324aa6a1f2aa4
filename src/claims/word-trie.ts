/**
 * A trie over many word lists at once, so a span of text is read once for all of them instead of
 * once per list and word. Each word carries the bits of the lists it is in; a walk from one
 * position meets every listed word starting there, shortest first. Built once at load (or once
 * per lexicon) and never changed after its first walk.
 */
import { addBit, codeBits, inBits } from '../text/chars.js';

/** A trie: node 0 is the root; nodes are reached by (node, UTF-16 unit) steps. */
export class WordTrie {
  /**
   * The node reached from the root by each first unit, or 0 when no word starts with it (read
   * directly by loops over every unit of a text, where most units start nothing).
   */
  readonly firstNode = new Int32Array(0x10000);
  /**
   * One bit per UTF-16 unit, set when some word starts with it: the loops over every unit of a text
   * test this first. It is 8 KB where `firstNode` is 256 KB, so it stays in the nearest cache.
   */
  readonly starts = codeBits('');
  /** Deeper edges while words are added, keyed `node * 0x10000 + unit`. */
  private readonly edges = new Map<number, number>();
  /** The list bits of the words ending at each node (0 for a node inside words only). */
  readonly bits: number[] = [0];
  /**
   * The deeper edges packed for walking, made at the first step: node n's children are
   * `childUnit/childNode[childStart[n] .. childStart[n + 1])`. Nodes have a child or two, so a
   * short scan beats a hash lookup.
   */
  private childStart: Int32Array | null = null;
  private childUnit = new Uint16Array(0);
  private childNode = new Int32Array(0);

  /** Adds every word of a list under `bit` (a list may be added in parts). */
  add(words: readonly string[], bit: number): this {
    for (const w of words) {
      const node = this.nodeOf(w);
      this.bits[node] = this.bits[node]! | bit;
    }
    return this;
  }

  /** The node spelling `word`, made if missing (only before the first step). */
  nodeOf(word: string): number {
    if (this.childStart) throw new Error('WordTrie: words added after the trie was walked');
    let node = 0;
    for (let k = 0; k < word.length; k++) {
      const c = word.charCodeAt(k);
      let next = node === 0 ? this.firstNode[c]! : (this.edges.get(node * 0x10000 + c) ?? 0);
      if (next === 0) {
        next = this.bits.length;
        this.bits.push(0);
        if (node === 0) {
          this.firstNode[c] = next;
          addBit(this.starts, c);
        }
        else this.edges.set(node * 0x10000 + c, next);
      }
      node = next;
    }
    return node;
  }

  /** The node after `node` on unit `c` (node 0 is the root), or 0 when no word goes on so. */
  step(node: number, c: number): number {
    if (node === 0) return this.firstNode[c]!;
    const start = this.childStart ?? this.pack();
    for (let k = start[node]!, end = start[node + 1]!; k < end; k++) if (this.childUnit[k] === c) return this.childNode[k]!;
    return 0;
  }

  /** The bits of every listed word lying wholly within `s[from, to)`. */
  maskIn(s: string, from: number, to: number): number {
    let mask = 0;
    const starts = this.starts;
    for (let i = from; i < to; i++) {
      const c = s.charCodeAt(i);
      if (!inBits(starts, c)) continue;
      let node = this.firstNode[c]!;
      for (let j = i + 1; node !== 0; j++) {
        mask |= this.bits[node]!;
        if (j >= to) break;
        node = this.step(node, s.charCodeAt(j));
      }
    }
    return mask;
  }

  /** Packs the deeper edges by parent node. */
  private pack(): Int32Array {
    const n = this.bits.length;
    const start = new Int32Array(n + 1);
    for (const key of this.edges.keys()) start[Math.floor(key / 0x10000) + 1]!++;
    for (let i = 0; i < n; i++) start[i + 1]! += start[i]!;
    const fill = start.slice(0, n);
    this.childUnit = new Uint16Array(this.edges.size);
    this.childNode = new Int32Array(this.edges.size);
    for (const [key, child] of this.edges) {
      const k = fill[Math.floor(key / 0x10000)]!++;
      this.childUnit[k] = key % 0x10000;
      this.childNode[k] = child;
    }
    this.childStart = start;
    return start;
  }
}
