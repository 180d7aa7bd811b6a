/**
 * Coupang's enum values turned into UI words. Values are compared case- and underscore-insensitively
 * (`requestAnswer`, `REQUEST_ANSWER`), because v5 changed formats before; a value we do not know is
 * shown as Coupang sent it rather than hidden.
 */
import type { Inquiry } from '../coupang/inquiry';
import type { MessageKey } from '../i18n/en';
import type { Translate } from '../i18n/translate';

function normalise(value: string): string {
  return value.replace(/[_\s-]/g, '').toLowerCase();
}

/** True when an enum value from Coupang is `expected`, ignoring case and underscores. */
export function isCode(value: string | undefined, expected: string): boolean {
  return value !== undefined && normalise(value) === normalise(expected);
}

function lookup(table: Record<string, MessageKey>, value: string | undefined): MessageKey | undefined {
  return value === undefined ? undefined : table[normalise(value)];
}

const INQUIRY_STATUS: Record<string, MessageKey> = {
  progress: 'details.status.progress',
  complete: 'details.status.complete',
};

const ANSWER_STATUS: Record<string, MessageKey> = {
  requestanswer: 'details.answer.requestAnswer',
  answered: 'details.answer.answered',
};

const TRANSFER_STATUS: Record<string, MessageKey> = {
  none: 'details.transfer.none',
  requestanswer: 'details.transfer.requestAnswer',
  answered: 'details.transfer.answered',
};

const TRANSFER_REASON: Record<string, MessageKey> = {
  none: 'details.reason.NONE',
  disputeprocess: 'details.reason.DISPUTE_PROCESS',
  disputeprocesscomplete: 'details.reason.DISPUTE_PROCESS_COMPLETE',
  cancel: 'details.reason.CANCEL',
};

const ANSWER_TYPE: Record<string, MessageKey> = {
  csagent: 'details.reply.csAgent',
  vendor: 'details.reply.vendor',
};

/** `inquiryStatus` → key; missing or unknown → `details.status.unknown`. */
export function inquiryStatusKey(status: string | undefined): MessageKey {
  return lookup(INQUIRY_STATUS, status) ?? 'details.status.unknown';
}

/** `csPartnerCounselingStatus` → key; undefined when missing or unknown. */
export function answerStatusKey(status: string | undefined): MessageKey | undefined {
  return lookup(ANSWER_STATUS, status);
}

/** `replies[].partnerTransferStatus` → key; undefined when missing or unknown. */
export function transferStatusKey(status: string | undefined): MessageKey | undefined {
  return lookup(TRANSFER_STATUS, status);
}

/** `replies[].partnerTransferCompleteReason` → key; undefined when missing or unknown. */
export function transferReasonKey(reason: string | undefined): MessageKey | undefined {
  return lookup(TRANSFER_REASON, reason);
}

/** `replies[].answerType` → who wrote the reply; missing or unknown → `details.reply.unknown`. */
export function answerTypeKey(answerType: string | undefined): MessageKey {
  return lookup(ANSWER_TYPE, answerType) ?? 'details.reply.unknown';
}

/** Words for an enum value: its translation when known, the raw value when not, undefined when missing. */
export function wordFor(
  value: string | undefined,
  keyOf: (value: string | undefined) => MessageKey | undefined,
  t: Translate,
): string | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const key = keyOf(value);
  return key ? t(key) : value;
}

export interface StatusWords {
  /** In progress / Complete / the raw value / Status unknown. */
  inquiry: string;
  /** Answer needed / Answered / the raw value; undefined when Coupang sent none. */
  answer?: string;
  /** True when the answer status asks the seller to act. */
  answerNeeded: boolean;
}

export function statusWords(inquiry: Inquiry, t: Translate): StatusWords {
  const inquiryKey = inquiryStatusKey(inquiry.inquiryStatus);
  const raw = inquiry.inquiryStatus?.trim();
  return {
    inquiry: inquiryKey === 'details.status.unknown' && raw ? raw : t(inquiryKey),
    answer: wordFor(inquiry.csPartnerCounselingStatus, answerStatusKey, t),
    answerNeeded: answerStatusKey(inquiry.csPartnerCounselingStatus) === 'details.answer.requestAnswer',
  };
}
