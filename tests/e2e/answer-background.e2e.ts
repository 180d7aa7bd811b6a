/**
 * Answering and confirming through the background (docs/answering.md#sending), in real Chromium against the
 * simulator: an extension page (the popup, opened as a tab) sends `answer` / `confirm` as the answer view does,
 * and the simulator counts every POST. Request counts are logged (`[answer] …`) for the closing notes.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchExtension, openExtensionPage, type ExtensionBrowser } from './support/browser';
import { GatewaySim, SINGLE_LOOKUP_PREFIX, answerableInquiry, transferInquiry } from './support/gateway-sim';
import { TEST_KEYS, saveKeys } from './support/ui';

const PARENT = '1126600001';
let sim: GatewaySim;
let browser: ExtensionBrowser;
let page: Page;
let nextId = 1_015_669_000;
/** A new inquiry ID per test: the background's cache must not answer for another test's inquiry. */
const freshId = () => String((nextId += 1));

interface Envelope {
  ok: boolean;
  value?: { after?: { inquiry: { inquiryStatus?: string; csPartnerCounselingStatus?: string; replies: Array<{ answerType?: string; content?: string }> }; fromCache: boolean }; sample?: boolean };
  error?: { kind: string; outcomeUnknown?: boolean; readBackFound?: boolean; reason?: string; resumesAt?: number; status?: number };
}

/** One runtime message from the extension page, as the answer view sends it. */
function ask(target: Page, message: Record<string, unknown>): Promise<Envelope> {
  return target.evaluate((m) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage(m), message) as Promise<Envelope>;
}

const answer = (id: string, content = '교환해 드리겠습니다.\r\n내일 회수합니다.', parentAnswerId = PARENT) => ({ type: 'answer', id, content, replyBy: 'wing-seller01', parentAnswerId });
const posts = (id: string) => sim.writesOf(id).length;
const reads = (id: string) => sim.apiRequests(`${SINGLE_LOOKUP_PREFIX}${id}`).length;
const log = (scenario: string, id: string) => console.log(`[answer] ${scenario}: ${posts(id)} POST, ${reads(id)} lookups`);

beforeAll(async () => {
  sim = await GatewaySim.start();
  browser = await launchExtension(sim);
  await (await saveKeys(browser.ctx, TEST_KEYS)).close();
  page = await openExtensionPage(browser.ctx, 'popup.html');
  // Every INQUIRY_CHANGED the background broadcasts to extension pages.
  await page.evaluate(() => {
    const w = globalThis as unknown as { changed: unknown[]; chrome: { runtime: { onMessage: { addListener(f: (m: unknown) => void): void } } } };
    w.changed = [];
    w.chrome.runtime.onMessage.addListener((m) => void w.changed.push(m));
  });
});

afterAll(async () => {
  await browser?.close();
  await sim?.close();
});

beforeEach(() => sim.reset());

describe('answering through the background', () => {
  it('sends an approved answer once (line breaks as \\n), reads it back, discards the draft and tells the pages', async () => {
    const id = freshId();
    sim.setInquiry(id, answerableInquiry(id, sim.now()));
    expect((await ask(page, { type: 'save-draft', id, text: '교환해 드리겠습니다.' })).ok).toBe(true);
    const result = await ask(page, answer(id));
    log('answer sent', id);
    expect(result.ok, JSON.stringify(result)).toBe(true);
    expect(posts(id)).toBe(1);
    expect(reads(id)).toBe(2); // the re-read just before sending, and one after
    expect(JSON.parse(sim.writesOf(id)[0]!.body!)).toEqual({ vendorId: TEST_KEYS.vendorId, inquiryId: Number(id), content: '교환해 드리겠습니다.\n내일 회수합니다.', replyBy: 'wing-seller01', parentAnswerId: Number(PARENT) });
    expect(sim.writesOf(id)[0]!.body).not.toContain('\r');
    const after = result.value?.after;
    expect(after?.fromCache).toBe(false);
    expect(after?.inquiry.csPartnerCounselingStatus).toBe('answered');
    expect(after?.inquiry.replies.at(-1)).toMatchObject({ answerType: 'vendor', content: '교환해 드리겠습니다.\n내일 회수합니다.' });
    // The cache holds the answered inquiry: the next lookup shows it without asking Coupang.
    const looked = (await ask(page, { type: 'lookup', id })) as unknown as { ok: boolean; value: { fromCache: boolean; inquiry: { csPartnerCounselingStatus: string } } };
    expect(looked.value).toMatchObject({ fromCache: true, inquiry: { csPartnerCounselingStatus: 'answered' } });
    expect(reads(id)).toBe(2);
    expect(await ask(page, { type: 'get-draft', id })).toEqual({ ok: true, value: null });
    await expect.poll(() => page.evaluate(() => (globalThis as unknown as { changed: unknown[] }).changed)).toContainEqual({ type: 'cs-lens:inquiry-changed', id });
  });

  it('a double send (two presses, a second page) sends once; the others hear already-sending', async () => {
    const id = freshId();
    sim.setInquiry(id, answerableInquiry(id, sim.now()));
    sim.apiDelayMs = 300; // the first write is still out when the others arrive
    const second = await openExtensionPage(browser.ctx, 'sidepanel.html');
    const results = await Promise.all([ask(page, answer(id)), ask(page, answer(id)), ask(second, answer(id))]);
    await second.close();
    log('double send', id);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => r.error?.kind === 'already-sending')).toHaveLength(2);
    expect(posts(id)).toBe(1);
    // Once it is through, another press re-reads, finds it answered and sends nothing.
    sim.apiDelayMs = 0;
    const again = await ask(page, answer(id));
    expect(again.error).toMatchObject({ kind: 'answer-changed', reason: 'answered' });
    expect(posts(id)).toBe(1);
  });

  it('a 500 is not retried: one POST, outcome unknown, one read-back that does not find it; the draft stays', async () => {
    const id = freshId();
    sim.setInquiry(id, answerableInquiry(id, sim.now()));
    await ask(page, { type: 'save-draft', id, text: '교환해 드리겠습니다.' });
    sim.failNextWrite({ kind: 'server-error' });
    const result = await ask(page, answer(id));
    await new Promise((r) => setTimeout(r, 4_000)); // a lookup's retry would have gone out by now
    log('500, not taken', id);
    expect(result.error).toMatchObject({ kind: 'write-unknown', outcomeUnknown: true, readBackFound: false, status: 500 });
    expect(posts(id)).toBe(1);
    expect(reads(id)).toBe(2); // the re-read before, one read-back
    expect(await ask(page, { type: 'get-draft', id })).toMatchObject({ ok: true, value: { text: '교환해 드리겠습니다.' } });
  });

  it('a 500 after Coupang took the answer: the read-back finds it', async () => {
    const id = freshId();
    sim.setInquiry(id, answerableInquiry(id, sim.now()));
    sim.failNextWrite({ kind: 'server-error', apply: true });
    const result = await ask(page, answer(id));
    log('500, taken', id);
    expect(result.error).toMatchObject({ kind: 'write-unknown', outcomeUnknown: true, readBackFound: true });
    expect(posts(id)).toBe(1);
  });

  it('a write that hangs until the timeout is not resent', async () => {
    const id = freshId();
    sim.setInquiry(id, answerableInquiry(id, sim.now()));
    sim.failNextWrite({ kind: 'hang' });
    const result = await ask(page, answer(id));
    log('hang until timeout', id);
    expect(result.error).toMatchObject({ kind: 'write-unknown', outcomeUnknown: true, readBackFound: false });
    expect(posts(id)).toBe(1);
  });

  it('another parent on the fresh read (the counsellor asked again): nothing is sent', async () => {
    const id = freshId();
    sim.setInquiry(id, answerableInquiry(id, sim.now(), { parentAnswerId: '1126600077' }));
    const result = await ask(page, answer(id));
    log('changed parent', id);
    expect(result.error).toMatchObject({ kind: 'answer-changed', reason: 'parent-changed' });
    expect(posts(id)).toBe(0);
  });

  it('1 character is refused unsent: not even a lookup goes out', async () => {
    const id = freshId();
    sim.setInquiry(id, answerableInquiry(id, sim.now()));
    const result = await ask(page, answer(id, '네'));
    expect(result.error).toMatchObject({ kind: 'answer-length' });
    expect(sim.apiRequests()).toHaveLength(0);
  });

  it('confirms a transfer with one POST', async () => {
    const id = freshId();
    sim.setInquiry(id, transferInquiry(id, sim.now()));
    const result = await ask(page, { type: 'confirm', id, confirmBy: 'wing-seller01' });
    log('confirm', id);
    expect(result.ok, JSON.stringify(result)).toBe(true);
    expect(sim.writesOf(id, 'confirms')).toHaveLength(1);
    expect(JSON.parse(sim.writesOf(id)[0]!.body!)).toEqual({ confirmBy: 'wing-seller01' });
    expect(posts(id)).toBe(1);
  });

  it('sample mode answers a sample locally: nothing reaches the simulator, and the sample shows answered', async () => {
    const storageLocal = (value: boolean) =>
      page.evaluate((on) => (globalThis as unknown as { chrome: { storage: { local: { set(v: unknown): Promise<void> } } } }).chrome.storage.local.set({ sampleMode: on }), value);
    await storageLocal(true);
    try {
      const sample = '7000000001';
      const result = await ask(page, answer(sample, '내일 도착합니다.', '7100000003'));
      expect(result.ok, JSON.stringify(result)).toBe(true);
      expect(result.value?.sample).toBe(true);
      expect(result.value?.after?.inquiry.csPartnerCounselingStatus).toBe('answered');
      const looked = (await ask(page, { type: 'lookup', id: sample })) as unknown as { value: { inquiry: { replies: Array<{ content?: string }> } } };
      expect(looked.value.inquiry.replies.at(-1)?.content).toBe('내일 도착합니다.');
      expect(sim.requests.filter((r) => r.host !== 'wing.coupang.com')).toHaveLength(0);
    } finally {
      await storageLocal(false);
    }
  });

  // Last: the pause stays with this browser's store.
  it('while Coupang has paused the store, nothing is sent and the countdown comes back', async () => {
    const id = freshId();
    sim.setInquiry(id, answerableInquiry(id, sim.now()));
    sim.throttle = { kind: 'rate-limited' };
    expect((await ask(page, { type: 'lookup', id: freshId() })).error?.kind).toBe('rate-limited');
    sim.throttle = null;
    const before = sim.apiRequests().length;
    const result = await ask(page, answer(id));
    log('paused', id);
    expect(result.error?.kind).toBe('rate-limited');
    expect(result.error?.resumesAt).toBeGreaterThan(Date.now());
    expect(posts(id)).toBe(0);
    expect(sim.apiRequests().length).toBe(before);
  });
});
