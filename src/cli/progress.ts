/** A one-line progress indicator on stderr, shown only on a terminal and for more than a few files. */
import type { Locale } from '../engine/messages.js';
import { cliMessage } from './messages.js';

/** Files below which no progress is shown: a short run needs none. */
const MIN_FILES = 4;

/** Shows `检查中 12/40` on stderr, rewritten in place. */
export class Progress {
  private shown = -1;
  private readonly on: boolean;

  constructor(
    private readonly io: { stderr: (text: string) => void; stderrTty: boolean },
    private readonly total: number,
    private readonly locale: Locale,
  ) {
    this.on = io.stderrTty && total >= MIN_FILES;
  }

  /** Shows how many files are done (a fraction while reading counts as half a file). */
  update(done: number): void {
    if (!this.on) return;
    const whole = Math.floor(done);
    if (whole === this.shown) return;
    this.shown = whole;
    this.io.stderr(`\r${cliMessage(this.locale, 'progress', { done: whole, total: this.total })}\u001b[K`);
  }

  /** Removes the line, before other output. */
  clear(): void {
    if (!this.on || this.shown < 0) return;
    this.io.stderr('\r\u001b[K');
    this.shown = -1;
  }
}
