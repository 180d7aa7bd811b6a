/**
 * The popup asks the Wing tab's content script how many inquiry numbers it found (docs/detection.md#the-popups-count).
 * Zod-free: the content script answers with it. The question goes through `tabs.sendMessage`, which needs
 * no permission and reaches only this extension's content scripts; a tab without one rejects it.
 */
import type { IdCount } from './id-count';

export const COUNT_REQUEST = 'cs-lens:count-inquiry-ids';

export type CountAnswer =
  | ({ state: 'counted' } & IdCount)
  /** The seller turned hover cards off: the script looks for nothing. */
  | { state: 'cards-off' }
  /** A Wing page without call-center inquiries (product Q&A: route-scope.ts). */
  | { state: 'out-of-scope' };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

export function isCountRequest(message: unknown): boolean {
  return isRecord(message) && message.type === COUNT_REQUEST;
}

/** The answer as the popup receives it; anything else (no content script, an older version) is undefined. */
export function readCountAnswer(value: unknown): CountAnswer | undefined {
  if (!isRecord(value)) return undefined;
  if (value.state === 'cards-off' || value.state === 'out-of-scope') return { state: value.state };
  const { count, complete } = value;
  if (value.state !== 'counted' || typeof complete !== 'boolean') return undefined;
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) return undefined;
  return { state: 'counted', count, complete };
}

type MessageEvent = {
  addListener(listener: (message: unknown, sender: unknown, sendResponse: (response: unknown) => void) => true | undefined): void;
  removeListener(listener: (message: unknown, sender: unknown, sendResponse: (response: unknown) => void) => true | undefined): void;
};

/** Answers the popup's question with `answer()` (the content script's side); returns the unlisten. */
export function answerCountRequests(onMessage: MessageEvent, answer: () => Promise<CountAnswer>): () => void {
  const listener = (message: unknown, _sender: unknown, sendResponse: (response: unknown) => void) => {
    if (!isCountRequest(message)) return undefined;
    // sendResponse, not a returned promise: Chrome's own API (the content script has no polyfill) needs it.
    void answer().then(sendResponse, () => sendResponse(undefined));
    return true as const;
  };
  onMessage.addListener(listener);
  return () => onMessage.removeListener(listener);
}
