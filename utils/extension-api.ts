import { browser } from 'wxt/browser';
import type { Request, RequestType, ResponseOf } from './messaging';
import { LOOKUP_PORT } from './lookup-port';
import { failure, readEnvelope } from './response-envelope';

/**
 * Sends one protocol message to the background and checks the answer's shape. A missing or
 * malformed answer (worker gone, extension reloaded) becomes the typed 'extension-error'.
 */
export async function ask<T extends RequestType>(request: Extract<Request, { type: T }>): Promise<ResponseOf<T>> {
  try {
    return (readEnvelope(await browser.runtime.sendMessage(request)) ?? failure('extension-error')) as ResponseOf<T>;
  } catch {
    // No background to answer (extension updated, reloaded or disabled): the typed answer the surface explains.
    return failure('extension-error') as ResponseOf<T>;
  }
}

export interface LookupOptions {
  /** Skip the cache (the seller pressed Refresh); never skips the request budget or the breaker. */
  refresh?: boolean;
  /** Aborted when the asker no longer wants the answer (card closed, query replaced, popup closed). */
  signal?: AbortSignal;
  /** The seller pressed Retry on a failure held against these keys (docs/request-economy.md#holds). */
  retry?: boolean;
}

/**
 * The one way every surface (popup, side panel, hover card, demo) asks for an inquiry. Each lookup has
 * its own port to the background: closing it (an aborted signal, or the page going away) tells the
 * background nobody waits any more, so a queued request is dropped and one in flight is aborted
 * (docs/request-economy.md#askers). An aborted signal resolves at once with the typed 'aborted' error,
 * which no surface shows.
 */
export function lookupInquiry(id: string, { refresh = false, signal, retry = false }: LookupOptions = {}): Promise<ResponseOf<'lookup'>> {
  if (signal?.aborted) return Promise.resolve(failure('aborted'));
  return new Promise((resolve) => {
    let port: ReturnType<typeof browser.runtime.connect>;
    const settle = (result: ResponseOf<'lookup'>) => {
      signal?.removeEventListener('abort', onAbort);
      port.onMessage.removeListener(onMessage);
      port.onDisconnect.removeListener(onDisconnect);
      port.disconnect();
      resolve(result);
    };
    const onAbort = () => settle(failure('aborted'));
    const onMessage = (message: unknown) => {
      settle((readEnvelope(message) ?? failure('extension-error')) as ResponseOf<'lookup'>);
    };
    const onDisconnect = () => settle(failure('extension-error'));
    try {
      port = browser.runtime.connect({ name: LOOKUP_PORT });
    } catch {
      // connect() throws once the extension context is gone: the same typed answer as a dropped port.
      resolve(failure('extension-error'));
      return;
    }
    port.onMessage.addListener(onMessage);
    port.onDisconnect.addListener(onDisconnect);
    signal?.addEventListener('abort', onAbort, { once: true });
    port.postMessage({ type: 'lookup', id, refresh, retry } satisfies Request);
  });
}
