import { toDetail } from './detail';
import type { ErrorKind, LookupError } from './error-kinds';

/** A non-2xx answer from the gateway → one error kind (docs/coupang-api.md#errors, docs/request-economy.md#blocks). */

function isHtml(bodyText: string, contentType: string | null): boolean {
  return (contentType?.toLowerCase().includes('text/html') ?? false) || bodyText.trimStart().startsWith('<');
}

/** The gateway's message: `message` of a JSON body (`{code, message}` or `{code: "ERROR", …}`), else the text. */
export function gatewayMessage(bodyText: string): string {
  try {
    const body: unknown = JSON.parse(bodyText);
    if (body !== null && typeof body === 'object' && 'message' in body && typeof body.message === 'string') {
      return body.message;
    }
  } catch {
    // Plain text (e.g. some 429s): the text is the message.
  }
  return bodyText;
}

function kindOf(status: number, message: string, html: boolean, bodyText: string): ErrorKind {
  const said = (phrase: string) => message.toLowerCase().includes(phrase.toLowerCase());
  switch (status) {
    case 400:
      return said('Invalid format inquiryId') ? 'invalid-id' : 'bad-request';
    case 401:
      if (said('Invalid signature')) return 'invalid-signature';
      if (said('signature is expired')) return 'signature-expired';
      if (said('HMAC format is invalid')) return 'malformed-auth';
      return 'not-authorized';
    case 403:
      // Searched in the whole body: the wrapper of this 403 is not documented.
      if (bodyText.toLowerCase().includes('not allowed ip')) return 'ip-not-allowed';
      return html ? 'blocked' : 'forbidden';
    case 404:
      return said('Vendor id should be same') ? 'other-vendor' : 'not-found';
    case 302:
      return 'blocked';
    case 429:
      return 'rate-limited';
    case 500:
    case 502:
    case 503:
      return 'server-error';
    case 504:
    case 524:
      return 'gateway-timeout';
    case 521:
      return 'gateway-unreachable';
    default:
      return 'unexpected-status';
  }
}

export function classifyFailure(status: number, bodyText: string, contentType: string | null): LookupError {
  const html = isHtml(bodyText, contentType);
  const message = html ? '' : gatewayMessage(bodyText);
  const kind = kindOf(status, message, html, bodyText);
  const detail = html ? 'HTML page' : toDetail(message);
  return detail === undefined ? { kind, status } : { kind, status, detail };
}

/**
 * A refused answer or confirm (docs/coupang-api.md#answering): Coupang's 400s for writes say why in their
 * message, each with its own kind; everything else (401, 403, 429, blocks, 5xx) is classified as for lookups.
 */
export function classifyWriteFailure(status: number, bodyText: string, contentType: string | null): LookupError {
  const base = classifyFailure(status, bodyText, contentType);
  if (isHtml(bodyText, contentType) || status >= 500) return base;
  const message = gatewayMessage(bodyText).toLowerCase();
  const said = (phrase: string) => message.includes(phrase.toLowerCase());
  let kind: ErrorKind | undefined;
  if (said('has closed') || said('-522')) kind = 'inquiry-closed';
  else if (status !== 400) kind = undefined;
  else if (said("can't be answer") || said('can do only inquiryStatus')) kind = 'not-answerable';
  else if (said('content length')) kind = 'answer-length';
  else if (said('parentAnswerId')) kind = 'parent-missing';
  else if (said('replyBy') || said('confirmBy')) kind = 'wing-user-rejected';
  return kind === undefined ? base : { ...base, kind };
}
