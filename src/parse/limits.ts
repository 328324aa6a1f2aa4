/**
 * What one document may hold and still be checked in bounded time and memory. The checker's
 * work grows with the figures it reads (each is placed, labelled and tried against its
 * neighbours), so a text made mostly of numbers (`1 1 1 …件`, megabytes of it) is refused before
 * any parsing, by one cheap pass that counts runs of digits.
 */

/**
 * Most runs of digits a document may hold. A real report has one run every 40–80 characters
 * and a dense monthly bulletin one every 10; the seeds repeated up to the 8 MB input limit hold
 * about 66,000. Beyond this the text is a table dump or a generated file, not a report.
 */
export const MAX_DIGIT_RUNS = 100_000;

/** Why a text was refused before checking. */
export class InputLimitError extends Error {
  /** Which limit: only the number of digit runs for now. */
  readonly limit: 'digit-runs';
  /** How many the text holds (counting stops just past the limit). */
  readonly found: number;
  /** The most allowed. */
  readonly max: number;

  constructor(found: number, max: number) {
    super(`the text holds more than ${max} numbers (runs of digits); it is refused rather than checked slowly`);
    this.name = 'InputLimitError';
    this.limit = 'digit-runs';
    this.found = found;
    this.max = max;
  }
}

/** Runs of ASCII or full-width digits in `text`, counting up to `stopAfter`. Linear, no regex. */
export function countDigitRuns(text: string, stopAfter = Infinity): number {
  let runs = 0;
  let inRun = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const digit = (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19);
    if (digit && !inRun) {
      runs++;
      if (runs > stopAfter) return runs;
    }
    inRun = digit;
  }
  return runs;
}

/** Throws `InputLimitError` when the text holds more digit runs than `max`. */
export function assertWithinLimits(text: string, max = MAX_DIGIT_RUNS): void {
  const runs = countDigitRuns(text, max);
  if (runs > max) throw new InputLimitError(runs, max);
}
