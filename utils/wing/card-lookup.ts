import type { LookupOptions } from '../extension-api';
import type { Result } from '../coupang/error-kinds';
import type { LookupValue } from '../messaging';

/** utils/extension-api.ts's lookupInquiry, or a stand-in (the demo page answers from samples). */
export type Lookup = (id: string, options?: LookupOptions) => Promise<Result<LookupValue>>;

/**
 * The card's one question at a time: a new one, or the card closing, aborts the one before, so the
 * background can drop a request nobody waits for. Only the latest answer is delivered, never 'aborted'.
 */
export function createCardLookup(lookup: Lookup) {
  let current: AbortController | undefined;
  return {
    /** `retry`: the seller pressed Retry on a held failure, which may lift the hold (docs/request-economy.md#holds). */
    ask(id: string, refresh: boolean, onAnswer: (result: Result<LookupValue>) => void, retry = false): void {
      current?.abort();
      const controller = new AbortController();
      current = controller;
      void lookup(id, { refresh, retry, signal: controller.signal }).then((result) => {
        if (current !== controller) return;
        current = undefined;
        if (!result.ok && result.error.kind === 'aborted') return;
        onAnswer(result);
      });
    },
    /** The card closed, or the pointer or focus moved on before the answer. */
    cancel(): void {
      current?.abort();
      current = undefined;
    },
    get pending(): boolean {
      return current !== undefined;
    },
  };
}
