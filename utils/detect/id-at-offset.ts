/** Which inquiry ID a caret position in a text falls on: how the pointer finds the ID it rests on. */
import { normaliseDigits, standaloneDigitRuns, type DigitRun } from './digit-runs';

/**
 * The standalone digit run of `text` (read now, full-width digits allowed) that touches `offset`, if it
 * is one of `ids`: the IDs the detector found in that element. A caret on either edge of the run counts
 * (the pointer on the left half of its first digit or the right half of its last). Any other number, or
 * an ID the page has since replaced, gives nothing.
 */
export function idAtOffset(text: string, offset: number, ids: readonly string[]): DigitRun | undefined {
  return standaloneDigitRuns(normaliseDigits(text)).find((run) => run.start <= offset && offset <= run.end && ids.includes(run.digits));
}

/** Where `text` shows `id` as a standalone run (the first time), for placing a card beside it. */
export function runOf(text: string, id: string): DigitRun | undefined {
  return standaloneDigitRuns(normaliseDigits(text)).find((run) => run.digits === id);
}
