/**
 * The answer text (docs/answering.md#text). Length is counted in Unicode code points (what a person
 * sees as one character for Korean, Latin and most emoji; an emoji sequence counts each code point),
 * after line breaks are normalised — the conservative reading of Coupang's 2–1000 characters.
 */
export const ANSWER_MIN_CHARS = 2;
export const ANSWER_MAX_CHARS = 1000;

/** CRLF and lone CR become \n: a raw CR makes Coupang refuse the whole body. Nothing else changes. */
export function normaliseAnswerText(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

export function countAnswerChars(text: string): number {
  let count = 0;
  for (const _ of normaliseAnswerText(text)) count += 1;
  return count;
}

export type AnswerTextCheck =
  | { ok: true; text: string; chars: number }
  | { ok: false; reason: 'empty' | 'too-short' | 'too-long'; chars: number };

/** What would be sent (normalised, otherwise exactly as typed), or why it can't be. */
export function checkAnswerText(raw: string): AnswerTextCheck {
  const text = normaliseAnswerText(raw);
  const chars = countAnswerChars(text);
  if (text.trim() === '') return { ok: false, reason: 'empty', chars };
  if (chars < ANSWER_MIN_CHARS) return { ok: false, reason: 'too-short', chars };
  if (chars > ANSWER_MAX_CHARS) return { ok: false, reason: 'too-long', chars };
  return { ok: true, text, chars };
}
