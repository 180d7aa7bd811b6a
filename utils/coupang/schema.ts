import { z } from 'zod';
import type { Result } from './error-kinds';
import type { Inquiry } from './inquiry';
import { toDetail } from './detail';
import { isInquiryId } from './inquiry-id';
import { parseCoupangDate } from './korea-time';
import { parseJsonKeepingBigIntegers } from './safe-json';

/** Response validation: Coupang's quirks (docs/coupang-api.md#fields) in, the `Inquiry` contract out. */

const DECIMAL = /^\d+$/;

/** An ID arrives as a safe number, or as digits (a JSON string, or a big integer kept by safe-json). */
function toId(value: number | string): string | undefined {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0 ? String(value) : undefined;
  return DECIMAL.test(value) ? value : undefined;
}

/** Optional ID: an unreadable one (e.g. masked `1900000******7` as text) is absent, not a failure. */
const optionalId = z
  .union([z.number(), z.string()])
  .nullish()
  .transform((v) => (v == null ? undefined : toId(v)));

const requiredInquiryId = z.union([z.number(), z.string()]).transform((v, ctx) => {
  const id = toId(v);
  if (id !== undefined && isInquiryId(id)) return id;
  ctx.addIssue({ code: 'custom', message: 'not an inquiry ID' });
  return z.NEVER;
});

/** 0 is one of the ways Coupang says "no parent". */
const parentId = optionalId.transform((id) => (id === '0' ? undefined : id));

const text = z
  .string()
  .nullish()
  .transform((v) => v ?? undefined);

/** Lenient: a date we cannot read is left out rather than failing the whole inquiry. */
const date = z
  .unknown()
  .transform((v) => (typeof v === 'string' ? parseCoupangDate(v) : undefined))
  .optional();

const idList = z
  .union([z.number(), z.string(), z.array(z.union([z.number(), z.string()]))])
  .nullish()
  .transform((v) =>
    (v == null ? [] : Array.isArray(v) ? v : [v]).map(toId).filter((id): id is string => id !== undefined),
  );

const reply = z.object({
  answerId: optionalId,
  parentAnswerId: parentId,
  partnerTransferStatus: text,
  partnerTransferCompleteReason: text,
  answerType: text,
  needAnswer: z
    .boolean()
    .nullish()
    .transform((v) => v ?? undefined),
  receptionistName: text,
  receptionist: text,
  replyAt: date,
  content: text,
});

const inquiry = z
  .looseObject({
    inquiryId: requiredInquiryId,
    inquiryStatus: text,
    csPartnerCounselingStatus: text,
    vendorItemId: idList,
    itemName: text,
    content: text,
    answeredAt: date,
    inquiryAt: date,
    orderDate: date,
    orderId: optionalId,
    buyerPhone: text,
    receiptCategory: text,
    saleStartedAt: text,
    saleEndedAt: text,
    replies: z
      .array(reply)
      .nullish()
      .transform((v) => v ?? []),
    buyerEmail: z.unknown().optional(),
  })
  .transform((d): Inquiry => {
    const {
      inquiryId,
      inquiryStatus,
      csPartnerCounselingStatus,
      itemName,
      content,
      answeredAt,
      inquiryAt,
      orderDate,
      orderId,
      buyerPhone,
      receiptCategory,
      saleStartedAt,
      saleEndedAt,
      replies,
      vendorItemId,
      buyerEmail: _alwaysEmpty, // known and unused since 2024-08: dropped rather than kept as extra
      ...extra
    } = d;
    return {
      inquiryId,
      inquiryStatus,
      csPartnerCounselingStatus,
      vendorItemIds: vendorItemId,
      itemName,
      content,
      answeredAt,
      inquiryAt,
      orderDate,
      orderId,
      buyerPhone,
      receiptCategory,
      saleStartedAt,
      saleEndedAt,
      replies,
      extra,
    };
  });

const envelope = <T extends z.ZodType>(data: T) =>
  z.object({ code: z.literal([200, '200']), data });

const inquiryResponse = envelope(inquiry);
const listResponse = envelope(z.looseObject({}));

/** A page count as a number or as digits; anything else leaves the pagination unread (the walk then stops). */
const count = z.union([z.number(), z.string().regex(DECIMAL).transform(Number)]);

/**
 * A list page (docs/coupang-api.md#list): each item with the single lookup's quirks, so a bad item fails the page
 * (bad-response) rather than dropping an inquiry unseen.
 */
const inquiryListResponse = envelope(
  z.object({
    content: z
      .array(inquiry)
      .nullish()
      .transform((v) => v ?? []),
    pagination: z
      .object({ currentPage: count, totalPages: count, totalElements: count.optional() })
      .nullish()
      .catch(undefined)
      .transform((v) => v ?? undefined),
  }),
);

export interface InquiryListPage {
  content: Inquiry[];
  pagination?: { currentPage: number; totalPages: number; totalElements?: number };
}

/** Where the response broke, never what it held: values can be a buyer's personal data. */
function describeFailure(error: z.ZodError, raw: unknown): string | undefined {
  const issue = error.issues[0];
  const path = issue?.path.join('.') || 'body';
  const { code, message } = (raw ?? {}) as { code?: unknown; message?: unknown };
  if (path === 'code' && (typeof code === 'number' || typeof code === 'string')) {
    // A non-200 envelope code carries the gateway's own message, which is safe and useful.
    return toDetail(`code ${code}${typeof message === 'string' ? `: ${message}` : ''}`);
  }
  return toDetail(`${path}: ${issue?.message ?? 'invalid'}`);
}

function parseWith<T>(schema: z.ZodType<{ data: T }>, body: string): Result<T> {
  let raw: unknown;
  try {
    raw = parseJsonKeepingBigIntegers(body);
  } catch {
    return { ok: false, error: { kind: 'not-json' } };
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return { ok: false, error: { kind: 'bad-response', detail: describeFailure(parsed.error, raw) } };
  return { ok: true, value: parsed.data.data };
}

/** The body of a 2xx single-inquiry lookup. */
export function parseInquiryResponse(body: string): Result<Inquiry> {
  return parseWith(inquiryResponse, body);
}

/** The body of a 2xx list call: only the envelope is checked (used to test the connection). */
export function parseListResponse(body: string): Result<Record<string, unknown>> {
  return parseWith(listResponse, body);
}

/** The body of a 2xx list call, read in full: every inquiry on the page and where the page is. */
export function parseInquiryListResponse(body: string): Result<InquiryListPage> {
  return parseWith(inquiryListResponse, body) as Result<InquiryListPage>;
}
