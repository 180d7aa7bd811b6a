// zod/mini keeps the extension pages small; the content script no longer imports this file's values (only its types).
import { z } from 'zod/mini';
import type { VendorMatch } from './background/vendor-match';
import type { LookupError, Result } from './coupang/error-kinds';
import type { Inquiry } from './coupang/inquiry';
import type { AwaitingItem, Badge } from './inbox/inbox';
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
  z.object({ type: z.literal('check-vendor'), pageVendor: z.string().check(z.maxLength(40)) }),
  // "Awaiting you" (docs/inbox.md): extension pages only. 'opened': refresh when older than a minute; 'button': now.
  z.object({ type: z.literal('get-inbox'), refresh: z.optional(z.enum(['opened', 'button'])) }),
]);

export { LOOKUP_PORT } from './lookup-port';

export type Request = z.infer<typeof requestSchema>;
export type RequestType = Request['type'];

/** Requests a content script may send; the rest come only from the extension's own pages. */
export const CONTENT_SCRIPT_REQUESTS: ReadonlySet<RequestType> = new Set(['lookup', 'check-vendor', 'open-side-panel', 'open-options']);

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
  /**
   * Coupang's clock minus this computer's (ms), when the gateway's Date header showed them more than 30 s
   * apart: deadlines count down on Date.now() + clockOffsetMs (docs/coupang-api.md#deadline).
   */
  clockOffsetMs?: number;
}

export interface CredentialsStatus {
  hasSecret: boolean;
  accessKey: string;
  vendorId: string;
  /** When the key was issued (epoch ms): when it was saved, unless the seller corrected it. */
  keyIssuedAt?: number;
}

/** "Awaiting you" as the background holds it (docs/inbox.md); buyer data, for the extension's own pages only. */
export interface InboxView {
  /** Soonest deadline first, "deadline unknown" last. */
  items: AwaitingItem[];
  /** Epoch ms of the last good refresh; absent before the first one. */
  updatedAt?: number;
  refreshing: boolean;
  /** Why the last refresh failed or was not sent (paused with resumesAt, held, no-credentials, ...). */
  problem?: LookupError;
  /** Sample mode: the list is built from the bundled samples; nothing was asked of Coupang. */
  sample?: boolean;
  /** Periodic refresh is turned off in Settings (inboxIntervalMinutes 0). */
  off?: boolean;
  badge?: Badge;
  /** Coupang's clock minus this computer's, when they differ: deadlines tick on Date.now() + clockOffsetMs. */
  clockOffsetMs?: number;
}

/** Broadcast to the extension's pages whenever the InboxView changes: they ask `get-inbox` again. */
export const INBOX_CHANGED = 'cs-lens:inbox-changed';
export interface InboxChangedMessage {
  type: typeof INBOX_CHANGED;
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
  /** Whether the page's 업체코드 is the saved key's store; the vendor ID itself stays in the background. */
  'check-vendor': Result<VendorMatch>;
  'get-inbox': Result<InboxView>;
}

export type ResponseOf<T extends RequestType> = ResponseMap[T];

// Zod-free, so the content script can use them without zod (see response-envelope.ts).
export { failure, success } from './response-envelope';
