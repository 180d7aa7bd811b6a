/**
 * Results as they cross the runtime channel, without zod: the content script imports this (through
 * extension-api.ts), and a schema library would be most of its size. The background validates every
 * request with zod where it arrives (messaging.ts); this is the few checks an answer coming back needs.
 */
import { ERROR_KINDS, type LookupError } from './coupang/error-kinds';

export function failure(kind: LookupError['kind'], extra: Omit<LookupError, 'kind'> = {}): { ok: false; error: LookupError } {
  return { ok: false, error: { kind, ...extra } };
}

export function success<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

const KINDS: ReadonlySet<string> = new Set(ERROR_KINDS);

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** The answer's envelope, checked: `{ ok: true, value }` or `{ ok: false, error }` with a known error kind; else undefined. */
export function readEnvelope(answer: unknown): { ok: true; value: unknown } | { ok: false; error: LookupError } | undefined {
  if (!isRecord(answer)) return undefined;
  if (answer.ok === true) return 'value' in answer ? { ok: true, value: answer.value } : undefined;
  if (answer.ok !== false || !isRecord(answer.error)) return undefined;
  const { kind, status, detail, resumesAt, held, fetchedAt, outcomeUnknown, readBackFound, reason } = answer.error;
  if (typeof kind !== 'string' || !KINDS.has(kind)) return undefined;
  const error: LookupError = { kind: kind as LookupError['kind'] };
  // What a surface shows of a failure: the status, Coupang's message, a pause's end, a hold, a remembered failure's age.
  if (!optional(status, 'number') || !optional(detail, 'string') || !optional(resumesAt, 'number') || !optional(held, 'boolean') || !optional(fetchedAt, 'number')) {
    return undefined;
  }
  // A write's outcome (issue 17): unknown, and what reading the inquiry back showed; why it can't be sent any more.
  if (!optional(outcomeUnknown, 'boolean') || !optional(readBackFound, 'boolean') || !optional(reason, 'string')) return undefined;
  if (status !== undefined) error.status = status as number;
  if (detail !== undefined) error.detail = detail as string;
  if (resumesAt !== undefined) error.resumesAt = resumesAt as number;
  if (held !== undefined) error.held = held as boolean;
  if (fetchedAt !== undefined) error.fetchedAt = fetchedAt as number;
  if (outcomeUnknown !== undefined) error.outcomeUnknown = outcomeUnknown as boolean;
  if (readBackFound !== undefined) error.readBackFound = readBackFound as boolean;
  if (reason !== undefined) error.reason = reason as string;
  return { ok: false, error };
}

const optional = (value: unknown, type: 'number' | 'string' | 'boolean') => value === undefined || typeof value === type;
