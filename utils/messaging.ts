// zod/mini: the content script imports this file, and classic zod would add ~84 kB to it.
import { z } from 'zod/mini';
import { ERROR_KINDS, type LookupError, type Result } from './coupang/error-kinds';
import type { Inquiry } from './coupang/inquiry';
import type { UsageReport } from './lookup/request-economy';

/**
 * The one message protocol between the extension's pages / content scripts and the background.
 * Requests are validated on arrival; responses on return. Errors cross as typed values.
 */
const inquiryIdSchema = z.string().check(z.regex(/^[1-9]\d{0,19}$/));

export const requestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('lookup'), id: inquiryIdSchema, refresh: z.optional(z.boolean()), retry: z.optional(z.boolean()) }),
  z.object({ type: z.literal('get-status') }),
  z.object({
    type: z.literal('save-credentials'),
    accessKey: z.string().check(z.maxLength(200)),
    vendorId: z.string().check(z.maxLength(40)),
    secretKey: z.optional(z.string().check(z.maxLength(400))),
  }),
  z.object({ type: z.literal('clear-secret') }),
  z.object({ type: z.literal('test-connection') }),
  z.object({ type: z.literal('open-side-panel'), id: inquiryIdSchema }),
  z.object({ type: z.literal('open-options') }),
  z.object({ type: z.literal('get-usage') }),
  z.object({ type: z.literal('set-key-issued'), issuedAt: z.number().check(z.int(), z.positive()) }),
]);

/** A lookup over a port of this name: the port's disconnect means the asker stopped waiting (docs/request-economy.md#askers). */
export const LOOKUP_PORT = 'lookup';

export type Request = z.infer<typeof requestSchema>;
export type RequestType = Request['type'];

/** Requests a content script may send; the rest come only from the extension's own pages. */
export const CONTENT_SCRIPT_REQUESTS: ReadonlySet<RequestType> = new Set(['lookup', 'get-status', 'open-side-panel', 'open-options']);

export interface LookupValue {
  inquiry: Inquiry;
  /** When the data left Coupang (epoch ms): the UI shows its age. */
  fetchedAt: number;
  fromCache: boolean;
  /** Served from the cache while Coupang paused this store: lookups resume then (epoch ms; docs/request-economy.md#breaker). */
  pausedUntil?: number;
  /** Answered from the bundled samples (sample mode or the demo page); nothing was sent to Coupang. */
  sample?: boolean;
  /** Set when the key expires within 14 days (or has expired): surfaces show a reminder. */
  keyExpiresAt?: number;
}

export interface CredentialsStatus {
  hasSecret: boolean;
  accessKey: string;
  vendorId: string;
  /** When the key was issued (epoch ms): when it was saved, unless the seller corrected it. */
  keyIssuedAt?: number;
}

export interface ResponseMap {
  lookup: Result<LookupValue>;
  'get-status': Result<CredentialsStatus>;
  'save-credentials': Result<CredentialsStatus>;
  'clear-secret': Result<CredentialsStatus>;
  'test-connection': Result<{ checkedAt: number }>;
  'open-side-panel': Result<null>;
  'open-options': Result<null>;
  'get-usage': Result<UsageReport>;
  'set-key-issued': Result<CredentialsStatus>;
}

export type ResponseOf<T extends RequestType> = ResponseMap[T];

const lookupErrorSchema = z.object({
  kind: z.enum(ERROR_KINDS),
  status: z.optional(z.number()),
  detail: z.optional(z.string()),
  resumesAt: z.optional(z.number()),
  held: z.optional(z.boolean()),
  fetchedAt: z.optional(z.number()),
});

/** Shape check of a response coming back over the runtime channel; the background is trusted, the channel is not typed. */
export const responseEnvelopeSchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: lookupErrorSchema }),
]);

export function failure(kind: LookupError['kind'], extra: Omit<LookupError, 'kind'> = {}): { ok: false; error: LookupError } {
  return { ok: false, error: { kind, ...extra } };
}

export function success<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}
