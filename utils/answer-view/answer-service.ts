/**
 * The answer view's service on every surface (card, popup, side panel): the `answer`, `confirm` and draft
 * messages of utils/messaging.ts, through `ask`. Zod-free, so the content script can carry it.
 */
import type { AnswerService } from '@/components/answer-panel';
import type { ask as askBackground } from '../extension-api';
import type { INQUIRY_CHANGED } from '../messaging';
import { updateAnswerPrefs } from './answer-prefs';

/** utils/messaging.ts's INQUIRY_CHANGED, spelled here (type-checked against it) so the content script carries no zod. */
const CHANGED: typeof INQUIRY_CHANGED = 'cs-lens:inquiry-changed';

export function createAnswerService(ask: typeof askBackground, setWingUserId = (wingUserId: string) => void updateAnswerPrefs({ wingUserId })): AnswerService {
  return {
    async getDraft(id) {
      const answer = await ask({ type: 'get-draft', id });
      return answer.ok && answer.value ? answer.value.text : '';
    },
    // A failed save is not lost work: the form still holds the text, and saves again as the seller types.
    saveDraft: (id, text) => void ask({ type: 'save-draft', id, text }),
    discardDraft: (id) => void ask({ type: 'discard-draft', id }),
    answer: async (id, content, replyBy, parentAnswerId) => outcomeIfLost(await ask({ type: 'answer', id, content, replyBy, parentAnswerId })),
    confirm: async (id, confirmBy) => outcomeIfLost(await ask({ type: 'confirm', id, confirmBy })),
    setWingUserId,
  };
}

type WriteAnswer = Awaited<ReturnType<AnswerService['answer']>>;

/**
 * No answer from the background to a write (the worker stopped or the extension reloaded mid-send): the POST may
 * have left, so the seller is told the outcome is unknown and to check the inquiry, as for a timeout
 * (docs/answering.md), not a generic extension error that invites sending again.
 */
function outcomeIfLost(result: WriteAnswer): WriteAnswer {
  if (result.ok || result.error.kind !== 'extension-error') return result;
  return { ok: false, error: { kind: 'write-unknown', outcomeUnknown: true } };
}

type MessageEvent = {
  addListener(listener: (message: unknown) => undefined): void;
  removeListener(listener: (message: unknown) => undefined): void;
};

/** The inquiry ID of an INQUIRY_CHANGED message, or undefined for anything else. */
export function changedInquiryId(message: unknown): string | undefined {
  if (typeof message !== 'object' || message === null) return undefined;
  const { type, id } = message as Record<string, unknown>;
  return type === CHANGED && typeof id === 'string' && /^[1-9]\d{0,19}$/.test(id) ? id : undefined;
}

/** Calls `onChanged(id)` for each INQUIRY_CHANGED the background sends; returns the unlisten. */
export function listenInquiryChanged(onMessage: MessageEvent, onChanged: (id: string) => void): () => void {
  const listener = (message: unknown): undefined => {
    const id = changedInquiryId(message);
    if (id !== undefined) onChanged(id);
    return undefined;
  };
  onMessage.addListener(listener);
  return () => onMessage.removeListener(listener);
}
