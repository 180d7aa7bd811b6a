/**
 * The write service (docs/answering.md#sending) on the real lookup service, request economy and breaker,
 * with a fake Coupang: the one-write lock, the re-read before sending, the unknown outcome (one POST, one
 * read-back), pauses and key changes (no POST), sample mode (no POST).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { WriteAnswer } from '@/utils/coupang/client';
import type { Result } from '@/utils/coupang/error-kinds';
import type { Inquiry, InquiryReply } from '@/utils/coupang/inquiry';
import { withWrite, type WriteRecord } from '@/utils/answer/apply-write';
import { createWriteService, type WriteClient, type WriteRequest } from '@/utils/answer/write-service';
import { createLookupService, type InquirySource } from '@/utils/lookup/lookup-service';
import { createRequestEconomy } from '@/utils/lookup/request-economy';

const NOW = Date.UTC(2026, 11, 6, 3, 0, 0);
const HOUR = 3_600_000;
const ID = '1015668190';
const PARENT = '1126500011';

const request = (at: number, extra: Partial<InquiryReply> = {}): InquiryReply => ({
  answerId: PARENT,
  answerType: 'csAgent',
  partnerTransferStatus: 'requestAnswer',
  needAnswer: true,
  replyAt: at,
  content: '[판매자님 회신요청] 1. 요청사항 이행 가능여부:',
  ...extra,
});

/** In progress, one counsellor request an hour old: answerable with PARENT. */
const answerable = (): Inquiry => ({
  inquiryId: ID,
  inquiryStatus: 'progress',
  csPartnerCounselingStatus: 'requestAnswer',
  vendorItemIds: [],
  replies: [request(NOW - HOUR)],
  extra: {},
});

/** Complete, the counsellor's transfer still on requestAnswer: a confirm is due. */
const transfer = (): Inquiry => ({ ...answerable(), inquiryStatus: 'complete', replies: [request(NOW - HOUR, { needAnswer: false })] });

const memoryStore = <T,>() => {
  let value: T | undefined;
  return { get: async () => value, set: async (next: T) => void (value = next) };
};

type Post = () => Promise<Result<WriteAnswer>>;

function setup(options: { inquiry?: () => Inquiry; sampleMode?: boolean; clock?: () => number } = {}) {
  let fixed = NOW;
  const clock = options.clock ?? (() => fixed);
  let state = (options.inquiry ?? answerable)();
  let holdKey = 'A00012345@1';
  const gets: string[] = [];
  const posts: Array<{ path: 'replies' | 'confirms'; id: string; body: unknown }> = [];
  /** What the next POST does: by default Coupang applies it and says OK. */
  let onPost: (write: WriteRecord) => Post = (write) => async () => {
    state = withWrite(state, write);
    return { ok: true, value: { cagWarning: false } };
  };
  const economy = createRequestEconomy({ store: memoryStore(), now: clock });
  const source = (): InquirySource & WriteClient => ({
    vendorId: 'A00012345',
    storeKey: 'store-A',
    holdKey,
    async getInquiry(id) {
      gets.push(id);
      return { ok: true, value: { inquiry: structuredClone(state) } };
    },
    postReply(id, reply) {
      posts.push({ path: 'replies', id, body: reply });
      return onPost({ kind: 'answer', ...reply, at: clock() })();
    },
    postConfirm(id, confirmBy) {
      posts.push({ path: 'confirms', id, body: { confirmBy } });
      return onPost({ kind: 'confirm', confirmBy, at: clock() })();
    },
  });
  const lookups = createLookupService({ source: async () => ({ ok: true, value: source() }), cache: memoryStore(), economy, now: clock, random: () => 0 });
  const changed: string[] = [];
  const discarded: string[] = [];
  const sampleWrites: Array<[string, WriteRecord]> = [];
  const service = createWriteService({
    client: async () => ({ ok: true, value: source() }),
    lookups,
    economy,
    sampleMode: async () => options.sampleMode ?? false,
    isSampleId: (id) => id === ID,
    samples: { record: async (id, write) => void sampleWrites.push([id, write]) },
    discardDraft: async (id) => void discarded.push(id),
    changed: (id) => void changed.push(id),
    now: clock,
  });
  return {
    service,
    lookups,
    economy,
    gets,
    posts,
    changed,
    discarded,
    sampleWrites,
    setState: (next: Inquiry) => (state = next),
    onPost: (next: (write: WriteRecord) => Post) => (onPost = next),
    changeKeys: () => (holdKey = 'A00012345@2'),
    setNow: (ms: number) => (fixed = ms),
  };
}

const answer = (content = '교환 가능합니다.\r\n내일 회수합니다.', parentAnswerId = PARENT): Extract<WriteRequest, { type: 'answer' }> => ({
  type: 'answer',
  id: ID,
  content,
  replyBy: 'wing-seller01',
  parentAnswerId,
});

afterEach(() => {
  vi.useRealTimers();
});

describe('write service', () => {
  it('sends an answer once, normalised, then reads it back once, discards the draft and tells every surface', async () => {
    const world = setup();
    const result = await world.service.send(answer());
    expect(world.posts).toEqual([{ path: 'replies', id: ID, body: { content: '교환 가능합니다.\n내일 회수합니다.', replyBy: 'wing-seller01', parentAnswerId: PARENT } }]);
    expect(world.gets).toEqual([ID, ID]); // re-read before, read once after
    expect(result.ok && result.value.after?.inquiry.csPartnerCounselingStatus).toBe('answered');
    expect(result.ok && result.value.after?.fromCache).toBe(false);
    expect(world.discarded).toEqual([ID]);
    expect(world.changed).toEqual([ID]);
    // The cache now holds the answered inquiry.
    const cached = await world.lookups.lookup(ID);
    expect(cached.ok && cached.value.fromCache && cached.value.inquiry.replies.at(-1)?.answerType).toBe('vendor');
  });

  it('holds one write per inquiry: a second press while the first is out gets already-sending and sends nothing', async () => {
    const world = setup();
    let release!: () => void;
    world.onPost((write) => () =>
      new Promise((resolve) => {
        release = () => resolve({ ok: true, value: { cagWarning: false } });
        void write;
      }),
    );
    const first = world.service.send(answer());
    const second = await world.service.send(answer());
    const confirmMeanwhile = await world.service.send({ type: 'confirm', id: ID, confirmBy: 'wing-seller01' });
    expect(second).toEqual({ ok: false, error: { kind: 'already-sending' } });
    expect(confirmMeanwhile).toEqual({ ok: false, error: { kind: 'already-sending' } });
    await vi.waitFor(() => expect(world.posts).toHaveLength(1));
    release();
    expect((await first).ok).toBe(true);
    expect(world.posts).toHaveLength(1);
    expect(world.service.busy(ID)).toBe(false);
  });

  it('a second send after success reads the answered inquiry and sends nothing (answer-changed)', async () => {
    const world = setup();
    expect((await world.service.send(answer())).ok).toBe(true);
    const again = await world.service.send(answer());
    expect(again).toEqual({ ok: false, error: { kind: 'answer-changed', reason: 'answered' } });
    expect(world.posts).toHaveLength(1);
  });

  it('unknown outcome (a 500): exactly one POST, one read-back, outcomeUnknown and readBackFound', async () => {
    const world = setup();
    let applied = false;
    world.onPost(() => async () => ({ ok: false, error: { kind: 'server-error', status: 500, detail: 'Internal Server Error' } }));
    const notThere = await world.service.send(answer());
    expect(notThere).toEqual({ ok: false, error: { kind: 'write-unknown', outcomeUnknown: true, readBackFound: false, status: 500, detail: 'Internal Server Error' } });
    expect(world.posts).toHaveLength(1);
    expect(world.gets).toEqual([ID, ID]); // the re-read before, and one read back

    // A timeout after Coupang took it: the read-back finds it.
    const found = setup();
    found.onPost((write) => async () => {
      found.setState(withWrite(answerable(), write));
      applied = true;
      return { ok: false, error: { kind: 'timeout' } };
    });
    const there = await found.service.send(answer());
    expect(applied).toBe(true);
    expect(there).toEqual({ ok: false, error: { kind: 'write-unknown', outcomeUnknown: true, readBackFound: true } });
    expect(found.posts).toHaveLength(1);
    expect(found.gets).toHaveLength(2);
    expect(found.discarded).toEqual([]); // the seller decides; the draft stays
  });

  it('a 502 on the write is not retried, although a lookup would be', async () => {
    vi.useFakeTimers({ now: NOW, toFake: ['setTimeout', 'clearTimeout'] });
    const world = setup();
    world.onPost(() => async () => ({ ok: false, error: { kind: 'server-error', status: 502 } }));
    const sent = world.service.send(answer());
    // Not runAllTimers: Date is not faked here, so the cache's expiry timer finds nothing expired and sets itself again.
    await vi.advanceTimersByTimeAsync(10_000);
    const result = await sent;
    expect(result.ok ? undefined : result.error.kind).toBe('write-unknown');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(world.posts).toHaveLength(1);
  });

  it('re-read shows another parent (a colleague answered, the counsellor asked again): nothing is sent', async () => {
    const world = setup();
    world.setState({ ...answerable(), replies: [request(NOW - 2 * HOUR, { partnerTransferStatus: 'answered', needAnswer: false }), { answerType: 'vendor', replyAt: NOW - HOUR, content: 'x' }, request(NOW - 10 * 60_000, { answerId: '1126500099' })] });
    const result = await world.service.send(answer());
    expect(result).toEqual({ ok: false, error: { kind: 'answer-changed', reason: 'parent-changed' } });
    expect(world.posts).toHaveLength(0);
  });

  it('re-read shows it answered meanwhile: nothing is sent, the draft stays', async () => {
    const world = setup();
    world.setState(withWrite(answerable(), { kind: 'answer', content: '동료의 답변', replyBy: 'colleague', parentAnswerId: PARENT, at: NOW - 60_000 }));
    const result = await world.service.send(answer());
    expect(result.ok ? undefined : result.error).toEqual({ kind: 'answer-changed', reason: 'answered' });
    expect(world.posts).toHaveLength(0);
    expect(world.discarded).toEqual([]);
  });

  it('while the store is paused: refused with the countdown, nothing read, nothing sent', async () => {
    const world = setup();
    world.economy.settle('store-A', 'A00012345@1', { kind: 'rate-limited', status: 429 }, false, false, NOW);
    const result = await world.service.send(answer());
    expect(result.ok ? undefined : result.error.kind).toBe('rate-limited');
    expect(result.ok ? undefined : result.error.resumesAt).toBeGreaterThan(NOW);
    expect(world.posts).toHaveLength(0);
    expect(world.gets).toHaveLength(0);
  });

  it('a 429 on the write pauses the store (through the breaker) and is not retried', async () => {
    const world = setup();
    world.onPost(() => async () => ({ ok: false, error: { kind: 'rate-limited', status: 429 } }));
    const result = await world.service.send(answer());
    expect(result.ok ? undefined : result.error.kind).toBe('rate-limited');
    expect(result.ok ? undefined : result.error.resumesAt).toBeGreaterThan(NOW);
    expect(result.ok ? undefined : result.error.outcomeUnknown).toBeUndefined();
    expect(world.posts).toHaveLength(1);
    expect(world.gets).toHaveLength(1);
  });

  it('keys changed while the write waits in the queue: answered aborted, never sent', async () => {
    vi.useFakeTimers({ now: NOW, toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const world = setup({ clock: () => Date.now() });
    // An empty budget at the slowest rate: the re-read and then the write each wait their turn.
    world.economy.setRate(0.5);
    for (let i = 0; i < 5; i += 1) world.economy.spend('store-A', Date.now(), false);
    const sent = world.service.send(answer());
    for (let i = 0; i < 1_000 && world.gets.length === 0; i += 1) await vi.advanceTimersByTimeAsync(10);
    expect(world.gets).toHaveLength(1);
    expect(world.posts).toHaveLength(0); // the write waits for its token
    world.changeKeys();
    await world.lookups.clear();
    await vi.runAllTimersAsync();
    expect(await sent).toEqual({ ok: false, error: { kind: 'keys-changed' } });
    expect(world.posts).toHaveLength(0);
  });

  it('keys changed between the turn and the send: the re-check at the moment of sending stops it', async () => {
    const world = setup();
    // The keys change just after the re-read: the write's turn comes with other keys saved.
    const original = world.lookups.onBudget;
    world.lookups.onBudget = (source, send) => {
      world.changeKeys();
      return original(source, send);
    };
    const result = await world.service.send(answer());
    expect(result).toEqual({ ok: false, error: { kind: 'keys-changed' } });
    expect(world.posts).toHaveLength(0);
  });

  it('a queue that would resend (e.g. after a clock correction) gets the first answer again, not a second POST', async () => {
    const world = setup();
    world.onPost(() => async () => ({ ok: false, error: { kind: 'signature-expired', status: 401 } }));
    const original = world.lookups.onBudget;
    world.lookups.onBudget = (source, send) =>
      original(source, async (asProbe) => {
        await send(asProbe);
        return send(asProbe);
      });
    const result = await world.service.send(answer());
    expect(result.ok ? undefined : result.error.kind).toBe('signature-expired');
    expect(world.posts).toHaveLength(1);
  });

  it('refuses bad input before reading or sending anything', async () => {
    const world = setup();
    expect(await world.service.send(answer('x'))).toEqual({ ok: false, error: { kind: 'answer-length', reason: 'too-short' } });
    expect(await world.service.send(answer(' \n '))).toEqual({ ok: false, error: { kind: 'answer-length', reason: 'empty' } });
    expect(await world.service.send(answer('가'.repeat(1001)))).toEqual({ ok: false, error: { kind: 'answer-length', reason: 'too-long' } });
    expect(await world.service.send({ ...answer(), replyBy: '  ' })).toEqual({ ok: false, error: { kind: 'wing-user-missing' } });
    expect(await world.service.send(answer('ok', ''))).toEqual({ ok: false, error: { kind: 'parent-missing' } });
    expect(world.gets).toHaveLength(0);
    expect(world.posts).toHaveLength(0);
  });

  it('Coupang refusing the answer (a duplicate 400) is shown as such and not read back', async () => {
    const world = setup();
    world.onPost(() => async () => ({ ok: false, error: { kind: 'not-answerable', status: 400 } }));
    const result = await world.service.send(answer());
    expect(result).toEqual({ ok: false, error: { kind: 'not-answerable', status: 400 } });
    expect(world.posts).toHaveLength(1);
    expect(world.gets).toHaveLength(1);
  });

  it('confirms a transfer with one POST; an answerable inquiry is not confirmable', async () => {
    const world = setup({ inquiry: transfer });
    const result = await world.service.send({ type: 'confirm', id: ID, confirmBy: 'wing-seller01' });
    expect(result.ok).toBe(true);
    expect(world.posts).toEqual([{ path: 'confirms', id: ID, body: { confirmBy: 'wing-seller01' } }]);
    expect(result.ok && result.value.after?.inquiry.replies[0]?.partnerTransferStatus).toBe('answered');
    expect(world.discarded).toEqual([]);

    const other = setup();
    expect(await other.service.send({ type: 'confirm', id: ID, confirmBy: 'me' })).toEqual({ ok: false, error: { kind: 'answer-changed', reason: 'not-transfer' } });
    expect(other.posts).toHaveLength(0);
  });

  it('sample mode answers locally: nothing read from Coupang, nothing sent', async () => {
    const world = setup({ sampleMode: true });
    const result = await world.service.send(answer());
    expect(result.ok && result.value.sample).toBe(true);
    expect(world.posts).toHaveLength(0);
    expect(world.sampleWrites).toEqual([[ID, expect.objectContaining({ kind: 'answer', content: '교환 가능합니다.\n내일 회수합니다.' })]]);
    expect(world.discarded).toEqual([ID]);
    expect(await world.service.send({ ...answer(), id: '999' })).toEqual({ ok: false, error: { kind: 'not-sample' } });
  });
});
