import { browser } from 'wxt/browser';
import { failure, responseEnvelopeSchema, type Request, type RequestType, type ResponseOf } from './messaging';

/**
 * Sends one protocol message to the background and checks the answer's shape. A missing or
 * malformed answer (worker gone, extension reloaded) becomes the typed 'extension-error'.
 */
export async function ask<T extends RequestType>(request: Extract<Request, { type: T }>): Promise<ResponseOf<T>> {
  try {
    const parsed = responseEnvelopeSchema.safeParse(await browser.runtime.sendMessage(request));
    return (parsed.success ? parsed.data : failure('extension-error')) as ResponseOf<T>;
  } catch {
    return failure('extension-error') as ResponseOf<T>;
  }
}
