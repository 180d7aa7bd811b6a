/** Digit runs in text, and which of them stand alone rather than being part of a phone number, price, date or code. */

export interface DigitRun {
  digits: string;
  start: number;
  end: number;
}

/**
 * Full-width digits, colon and number sign as ASCII. One code unit in, one out, so offsets found in the
 * result are offsets into the original text (a DOM text node can be split at them).
 */
export function normaliseDigits(text: string): string {
  return text.replace(/[\uFF03\uFF10-\uFF1A]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

const WORD_CHAR = /[A-Za-z0-9_]/;
const NUMBER_JOINER = /[-.,/:]/;
const DIGIT = /\d/;

/**
 * Whether text[start, end) stands alone: not glued to a Latin word (A00012345, SKU123456) and not one
 * group of a compound number (010-1234-5678, 12,900, 2024.05.01, 10:30). Hangul may touch it (1015668177번).
 */
export function isStandalone(text: string, start: number, end: number): boolean {
  const before = text.charAt(start - 1);
  const after = text.charAt(end);
  if (WORD_CHAR.test(before) || WORD_CHAR.test(after)) return false;
  if (NUMBER_JOINER.test(before) && DIGIT.test(text.charAt(start - 2))) return false;
  if (NUMBER_JOINER.test(after) && DIGIT.test(text.charAt(end + 1))) return false;
  return true;
}

/** Every maximal run of ASCII digits in already-normalised text that stands alone. */
export function standaloneDigitRuns(text: string): DigitRun[] {
  const runs: DigitRun[] = [];
  for (const match of text.matchAll(/\d+/g)) {
    const start = match.index;
    const end = start + match[0].length;
    if (isStandalone(text, start, end)) runs.push({ digits: match[0], start, end });
  }
  return runs;
}
