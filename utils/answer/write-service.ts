import type { WriteAnswer, ReplyBody } from '../coupang/client';
import type { ErrorKind, LookupError, Result } from '../coupang/error-kinds';
import type { Inquiry } from '../coupang/inquiry';
import type { LookupService } from '../lookup/lookup-service';
import type { RequestEconomy } from '../lookup/request-economy';
import { failure, success, type LookupValue, type WriteValue } from '../messaging';
import { showsWrite, type WriteRecord } from './apply-write';
import { answerability, confirmability } from './eligibility';
import { checkAnswerText } from './text';

/**
 * The background's answers and confirms (docs/answering.md#sending). Pure: client, lookups, budget, drafts,
 * samples and the clock are injected. The rules, in order:
 * - one write per inquiry at a time: a second press, tab or surface gets 'already-sending';
 * - bad input, held keys or a paused store are refused before anything is read or sent;
 * - the inquiry is read again (cache bypassed) and the write goes only if it is still answerable with the
 *   same parent (or still confirmable); otherwise 'answer-changed' with the reason, nothing sent;
 * - the write waits its turn under the lookups' budget and breaker (lookups.onBudget), and at the moment it
 *   goes the keys must still be the ones it was approved with;
 * - it is sent once: never retried, not even after an expired signature;
 * - an unknown outcome (timeout, network, 5xx, an unreadable 2xx) reads the inquiry back once and says
 *   whether the write shows there; success reads it once (cache replaced), discards the draft and tells every
 *   surface.
 */

/** The API client's write half, for the saved keys (utils/background/client-provider.ts). */
export interface WriteClient {
  vendorId: string;
  holdKey: string;
  postReply?(id: string, reply: ReplyBody): Promise<Result<WriteAnswer>>;
  postConfirm?(id: string, confirmBy: string): Promise<Result<WriteAnswer>>;
}

/** Sample mode's writes (nothing is sent): remembered for the session so the sample shows answered. */
export interface SampleWrites {
  record(id: string, write: WriteRecord): Promise<void>;
}

export interface WriteServiceDeps {
  client: () => Promise<Result<WriteClient>>;
  /** The background's lookups (sample- and key-aware); `refresh` bypasses the cache. */
  lookups: Pick<LookupService, 'lookup' | 'onBudget'>;
  economy: Pick<RequestEconomy, 'ready' | 'refuse' | 'paused'>;
  sampleMode: () => Promise<boolean>;
  isSampleId: (id: string) => boolean;
  samples: SampleWrites;
  /** The seller's drafts: discarded once the answer is sent. */
  discardDraft: (id: string) => Promise<void>;
  /** Tells every open surface the inquiry changed (INQUIRY_CHANGED). */
  changed: (id: string) => void;
  now: () => number;
}

export type WriteRequest =
  | { type: 'answer'; id: string; content: string; replyBy: string; parentAnswerId: string }
  | { type: 'confirm'; id: string; confirmBy: string };

/** Failures after which the write may have reached Coupang: it is never resent, the inquiry is read back. */
const UNKNOWN_OUTCOME: ReadonlySet<ErrorKind> = new Set<ErrorKind>([
  'timeout',
  'network',
  'server-error',
  'gateway-timeout',
  'gateway-unreachable',
  'unexpected-status',
  'not-json',
  'bad-response',
  'extension-error',
]);

function outcomeUnknown(error: LookupError): boolean {
  return UNKNOWN_OUTCOME.has(error.kind) || (error.status !== undefined && error.status >= 500);
}

/** What the fresh inquiry says about this write: undefined when it may go. */
function stillPossible(request: WriteRequest, inquiry: Inquiry, now: number): string | undefined {
  if (request.type === 'confirm') {
    const can = confirmability(inquiry, now);
    return can.ok ? undefined : can.reason;
  }
  const can = answerability(inquiry, now);
  if (!can.ok) return can.reason;
  return can.parentAnswerId === request.parentAnswerId ? undefined : 'parent-changed';
}

/** Coupang's clock for deadlines, when the lookup measured an offset (docs/coupang-api.md#deadline). */
const coupangNow = (value: LookupValue, now: number) => now + (value.clockOffsetMs ?? 0);

export function createWriteService(deps: WriteServiceDeps) {
  /** Inquiries with a write in progress: the lock is taken before the first await. */
  const writing = new Set<string>();

  /** Checks the seller's input; returns the write as it would be recorded, or why not. */
  function checked(request: WriteRequest): Result<{ who: string; content?: string }> {
    const who = (request.type === 'answer' ? request.replyBy : request.confirmBy).trim();
    if (request.type === 'answer') {
      const text = checkAnswerText(request.content);
      if (!text.ok) return failure('answer-length', { reason: text.reason });
      if (!/^[1-9]\d{0,19}$/.test(request.parentAnswerId)) return failure('parent-missing');
      if (who === '') return failure('wing-user-missing');
      return success({ who, content: text.text });
    }
    if (who === '') return failure('wing-user-missing');
    return success({ who });
  }

  function recordOf(request: WriteRequest, who: string, content: string | undefined, at: number): WriteRecord {
    return request.type === 'answer'
      ? { kind: 'answer', content: content ?? '', replyBy: who, parentAnswerId: request.parentAnswerId, at }
      : { kind: 'confirm', confirmBy: who, at };
  }

  async function sample(request: WriteRequest, write: WriteRecord): Promise<Result<WriteValue>> {
    if (!deps.isSampleId(request.id)) return failure('not-sample');
    const current = await deps.lookups.lookup(request.id);
    if (!current.ok) return current;
    const reason = stillPossible(request, current.value.inquiry, deps.now());
    if (reason) return failure('answer-changed', { reason });
    await deps.samples.record(request.id, write);
    const after = await deps.lookups.lookup(request.id);
    if (request.type === 'answer') await deps.discardDraft(request.id);
    deps.changed(request.id);
    return success({ sample: true, ...(after.ok ? { after: after.value } : {}) });
  }

  async function run(request: WriteRequest): Promise<Result<WriteValue>> {
    const input = checked(request);
    if (!input.ok) return input;
    const { who, content } = input.value;
    const write = recordOf(request, who, content, deps.now());
    if (await deps.sampleMode()) return sample(request, write);

    const loaded = await deps.client();
    if (!loaded.ok) return loaded;
    const client = loaded.value;
    await deps.economy.ready;
    // Held keys or a paused store: nothing is read, nothing is sent; a pause says until when.
    const refused = deps.economy.refuse(client.vendorId, client.holdKey, deps.now());
    if (refused) return { ok: false, error: refused };

    // Read again just before sending: a colleague may have answered in Wing meanwhile.
    const fresh = await deps.lookups.lookup(request.id, { refresh: true });
    if (!fresh.ok) return fresh;
    if (fresh.value.fromCache) {
      // The refresh was refused (paused meanwhile): the inquiry could not be checked, so nothing goes.
      return { ok: false, error: deps.economy.paused(client.vendorId, deps.now()) ?? { kind: 'extension-error', detail: 'the inquiry could not be read again' } };
    }
    const reason = stillPossible(request, fresh.value.inquiry, coupangNow(fresh.value, deps.now()));
    if (reason) return failure('answer-changed', { reason });

    let posted = false;
    let answer: Result<WriteAnswer> | undefined;
    const spent = await deps.lookups.onBudget(client, async () => {
      // Called once per approval: should anything call it again (a queue that resends), nothing goes out again.
      if (answer) return answer;
      // The moment of sending: the keys must still be those the write was approved with.
      const current = await deps.client();
      if (!current.ok || current.value.holdKey !== client.holdKey) return (answer = failure('aborted'));
      const send =
        request.type === 'answer'
          ? current.value.postReply && (() => current.value.postReply!(request.id, { content: content!, replyBy: who, parentAnswerId: request.parentAnswerId }))
          : current.value.postConfirm && (() => current.value.postConfirm!(request.id, who));
      if (!send) return (answer = failure('extension-error', { detail: 'writes are not wired' }));
      posted = true;
      answer = await send();
      return answer;
    });

    if (spent.ok) {
      // Coupang said OK: read it once (the cache is replaced), the draft goes, every surface is told.
      const after = await deps.lookups.lookup(request.id, { refresh: true });
      if (request.type === 'answer') await deps.discardDraft(request.id);
      deps.changed(request.id);
      return success(after.ok && !after.value.fromCache ? { after: after.value } : {});
    }
    // Answered 'aborted' before it went (the keys changed while it waited, or at its turn): say so, nothing was sent.
    if (!posted && spent.error.kind === 'aborted') return failure('keys-changed');
    if (!posted || !answer || answer.ok || !outcomeUnknown(answer.error)) return spent;

    // Unknown outcome: never sent again; one read back says whether it arrived.
    const back = await deps.lookups.lookup(request.id, { refresh: true });
    const readBack = back.ok && !back.value.fromCache ? { readBackFound: showsWrite(back.value.inquiry, write.kind === 'answer' ? { kind: 'answer', content: write.content } : { kind: 'confirm' }) } : {};
    if (back.ok && !back.value.fromCache) deps.changed(request.id);
    const { status, detail } = spent.error;
    return failure('write-unknown', { outcomeUnknown: true, ...readBack, ...(status === undefined ? {} : { status }), ...(detail === undefined ? {} : { detail }) });
  }

  return {
    /** Sends one answer or confirm the seller approved; see the rules above. */
    async send(request: WriteRequest): Promise<Result<WriteValue>> {
      if (writing.has(request.id)) return failure('already-sending');
      writing.add(request.id);
      try {
        return await run(request);
      } finally {
        writing.delete(request.id);
      }
    },
    /** Whether a write for this inquiry is in progress. */
    busy: (id: string) => writing.has(id),
  };
}

export type WriteService = ReturnType<typeof createWriteService>;
