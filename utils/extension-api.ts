import { browser } from 'wxt/browser';
import type { Request, RequestType, ResponseOf } from './messaging';
import { failure, readEnvelope } from './response-envelope';

/**
 * Sends one protocol message to the background and checks the answer's shape. A missing or
 * malformed answer (worker gone, extension reloaded) becomes the typed 'extension-error'.
 */
export async function ask<T extends RequestType>(request: Extract<Request, { type: T }>): Promise<ResponseOf<T>> {
  try {
    return (readEnvelope(await browser.runtime.sendMessage(request)) ?? failure('extension-error')) as ResponseOf<T>;
  } catch {
    return failure('extension-error') as ResponseOf<T>;
  }
}

export interface LookupOptions {
  /** Skip the cache (the seller pressed Refresh); never skips the request budget or the breaker. */
  refresh?: boolean;
  /** Aborted when the asker no longer wants the answer (card closed, query replaced, popup closed). */
  signal?: AbortSignal;
}

/**
 * The one way every surface (popup, side panel, hover card, demo) asks for an inquiry. An aborted
 * signal resolves at once with the typed 'aborted' error, which no surface shows.
 */
export function lookupInquiry(id: string, { refresh = false, signal }: LookupOptions = {}): Promise<ResponseOf<'lookup'>> {
  if (signal?.aborted) return Promise.resolve(failure('aborted'));
  const answer = ask({ type: 'lookup', id, refresh });
  if (!signal) return answer;
  return new Promise((resolve) => {
    signal.addEventListener('abort', () => resolve(failure('aborted')), { once: true });
    void answer.then(resolve);
  });
}
