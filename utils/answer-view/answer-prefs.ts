/**
 * What answering remembers (docs/answering.md#settings): the seller's Wing user ID (not secret: Coupang
 * records it as who answered) and the saved answers edited in Settings. In `storage.local` under
 * `answering`, read here without zod so the content script stays small; drafts are never stored here.
 */
import { browser } from 'wxt/browser';

export interface AnswerPrefs {
  wingUserId: string;
  /** Reusable texts, in the seller's order; `{item}` and `{inquiry}` are filled when inserted. */
  savedAnswers: string[];
}

export const ANSWER_PREFS_KEY = 'answering';
export const MAX_WING_USER_ID = 100;
export const MAX_SAVED_ANSWERS = 9;
export const MAX_SAVED_ANSWER_CHARS = 1000;

export const NO_ANSWER_PREFS: AnswerPrefs = { wingUserId: '', savedAnswers: [] };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** The stored value as the views use it: anything malformed or out of bounds is left out, never thrown. */
export function readAnswerPrefs(value: unknown): AnswerPrefs {
  const stored = isRecord(value) ? value : {};
  const user = typeof stored.wingUserId === 'string' ? stored.wingUserId.trim() : '';
  const saved = Array.isArray(stored.savedAnswers) ? stored.savedAnswers : [];
  return {
    wingUserId: user.length <= MAX_WING_USER_ID ? user : '',
    savedAnswers: saved
      .filter((text): text is string => typeof text === 'string' && text.trim() !== '' && [...text].length <= MAX_SAVED_ANSWER_CHARS)
      .slice(0, MAX_SAVED_ANSWERS),
  };
}

export async function loadAnswerPrefs(): Promise<AnswerPrefs> {
  return readAnswerPrefs((await browser.storage.local.get(ANSWER_PREFS_KEY))[ANSWER_PREFS_KEY]);
}

/** Changes only the given fields; the other one stays as stored. */
export async function updateAnswerPrefs(patch: Partial<AnswerPrefs>): Promise<AnswerPrefs> {
  const next = readAnswerPrefs({ ...(await loadAnswerPrefs()), ...patch });
  await browser.storage.local.set({ [ANSWER_PREFS_KEY]: next });
  return next;
}

/** Calls `onChange` when Settings (or a form asking for the Wing user ID) changes them; returns the unwatch. */
export function watchAnswerPrefs(onChange: (prefs: AnswerPrefs) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && ANSWER_PREFS_KEY in changes) onChange(readAnswerPrefs(changes[ANSWER_PREFS_KEY]?.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
