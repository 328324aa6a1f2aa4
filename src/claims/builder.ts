import type { Evidence, FigureRef } from '../engine/diagnostic.js';
import type { Range } from '../model/range.js';
import type { Claim } from './schema.js';

/** Collects claims and numbers them in the order they are found. */
export class ClaimList {
  readonly claims: Claim[] = [];
  /** Keys of claims already made, so two extractors do not make the same claim twice. */
  private readonly keys = new Set<string>();

  /** Marks `key` as made; false when it was made before. */
  claim(key: string): boolean {
    if (this.keys.has(key)) return false;
    this.keys.add(key);
    return true;
  }

  /** Whether `key` was marked by `claim`. */
  has(key: string): boolean {
    return this.keys.has(key);
  }

  /** Marks figures as parts of a list already judged, so no other extractor lists them again. */
  markParts(parts: ReadonlyArray<{ quantity: { index: number } }>): void {
    for (const p of parts) this.keys.add(`part:${p.quantity.index}`);
  }

  /**
   * Adds a claim; `id` is assigned here, on the object given (each extractor builds its claim
   * for this call alone), as the last key, as a copy with the id added would have it.
   */
  add<C extends Claim>(claim: Omit<C, 'id'>): C {
    const full = claim as C;
    full.id = this.claims.length;
    this.claims.push(full);
    return full;
  }
}

/** Evidence with the given figures and fields. */
export function evidence(figures: FigureRef[], fields: Omit<Evidence, 'figures'> = {}): Evidence {
  return { figures, ...fields };
}

/** Whether `inner` lies within `outer`. */
export function within(inner: Range, outer: Range): boolean {
  return inner.start >= outer.start && inner.end <= outer.end;
}
