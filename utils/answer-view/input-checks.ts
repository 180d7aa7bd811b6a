/**
 * The answer form's own checks, run before anything is sent (issue 17): an empty text, a text under 2 or
 * over 1000 characters, or no Wing user ID is refused next to the text box. The background checks again.
 */
export const ANSWER_MIN = 2;
export const ANSWER_MAX = 1000;

export type AnswerInputProblem = 'empty' | 'tooShort' | 'tooLong' | 'noWingUser';

/** Characters as the seller sees them (code points), after trimming the ends. */
export function answerLength(text: string): number {
  return [...text.trim()].length;
}

export function checkAnswerInput(text: string, wingUserId: string): AnswerInputProblem | null {
  const length = answerLength(text);
  if (length === 0) return 'empty';
  if (length < ANSWER_MIN) return 'tooShort';
  if (length > ANSWER_MAX) return 'tooLong';
  if (wingUserId.trim() === '') return 'noWingUser';
  return null;
}
