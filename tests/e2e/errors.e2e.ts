/**
 * Every error kind the gateway simulator can provoke, looked up from the popup, shows its own message
 * (en['error.<kind>']) in role=alert. 400 is not here: only a non-digit ID provokes it, and the UI
 * refuses those before sending (gateway-sim.e2e.ts covers the simulator's 400).
 * Kinds that pause the store or hold the keys (docs/request-economy.md) each get a browser of their own,
 * so the pause they cause does not answer the next test.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ErrorKind } from '../../utils/coupang/error-kinds';
import { launchExtension, openExtensionPage, type ExtensionBrowser } from './support/browser';
import { GatewaySim, SCENARIO_IDS, TEST_ACCESS_KEY, TEST_SECRET_KEY, type ScenarioName } from './support/gateway-sim';
import { TEST_KEYS, UI_TIMEOUT_MS, awaitingList, expectDetailsShown, expectErrorShown, lookUp, saveKeys } from './support/ui';

let sim: GatewaySim;
let browser: ExtensionBrowser;
let popup: Page;

beforeAll(async () => {
  sim = await GatewaySim.start();
  browser = await launchExtension(sim);
  await (await saveKeys(browser.ctx, TEST_KEYS)).close();
  popup = await openExtensionPage(browser.ctx, 'popup.html');
});

afterAll(async () => {
  await browser?.close();
  await sim?.close();
});

beforeEach(() => sim.reset());

/** Each leaves the store paused or the keys held: run in a fresh browser. */
const pausingKinds: Array<[ScenarioName, ErrorKind]> = [
  ['ipNotAllowed', 'ip-not-allowed'],
  ['blockedHtml', 'blocked'],
  ['rateLimited', 'rate-limited'],
];

const scenarioKinds: Array<[ScenarioName, ErrorKind]> = [
  ['forbidden', 'forbidden'],
  ['otherVendor', 'other-vendor'],
  ['serverError', 'server-error'],
  ['gatewayTimeout', 'gateway-timeout'],
  ['gatewayUnreachable', 'gateway-unreachable'],
  ['unexpectedStatus', 'unexpected-status'],
  ['htmlBody', 'not-json'],
  ['badSchema', 'bad-response'],
  ['destroySocket', 'network'],
];

describe('error kinds from the gateway', () => {
  it.each(scenarioKinds)('scenario %s shows the %s message', async (scenario, kind) => {
    const id = SCENARIO_IDS[scenario];
    await lookUp(popup, id);
    await expectErrorShown(popup, kind);
    expect(sim.lookupsOf(id).length, sim.describeRequests()).toBeGreaterThanOrEqual(1);
    expect(sim.lookupsOf(id).every((r) => r.authOk)).toBe(true);
  });

  it('an unknown inquiry shows the not-found message', async () => {
    await lookUp(popup, '123456789');
    await expectErrorShown(popup, 'not-found');
    expect(sim.lookupsOf('123456789')).toMatchObject([{ authOk: true, status: 404 }]);
  });

  it('a clock more than 5 minutes off, with no Date header to correct from, shows the signature-expired message', async () => {
    sim.clockOffsetMs = 60 * 60_000;
    sim.sendDateHeader = false;
    await lookUp(popup, '1015668179');
    await expectErrorShown(popup, 'signature-expired');
    expect(sim.lookupsOf('1015668179').length).toBeGreaterThanOrEqual(1);
    expect(sim.lookupsOf('1015668179').every((r) => r.authFailure === 'expired')).toBe(true);
  });

  it("a clock more than 5 minutes off corrects itself from the gateway's Date header: one retry, then the details", async () => {
    sim.clockOffsetMs = 60 * 60_000;
    await lookUp(popup, '1015668177');
    await expectDetailsShown(popup, '1015668177');
    expect(sim.lookupsOf('1015668177').map((r) => r.authFailure ?? 'ok')).toEqual(['expired', 'ok']);

    // The clock is right again: the worker drops its correction the same way, so later tests start clean.
    sim.reset();
    await lookUp(popup, '1015668178');
    await expectDetailsShown(popup, '1015668178');
    expect(sim.lookupsOf('1015668178').map((r) => r.authFailure ?? 'ok')).toEqual(['expired', 'ok']);
  });

  it('a gateway that never answers shows the timeout message after the 10 s total timeout', async () => {
    const started = Date.now();
    await lookUp(popup, SCENARIO_IDS.neverAnswers);
    await expectErrorShown(popup, 'timeout', 15_000);
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(9_500);
    expect(elapsed).toBeLessThan(14_000);
    await sim.waitForRequest((r) => r.outcome === 'client-gave-up', 2_000);
  }, 25_000);
});

describe('error kinds that pause the store or hold the keys (a fresh browser each)', () => {
  /** A browser of its own with keys saved; closed at the end of the test. */
  async function freshPopup(): Promise<{ page: Page; close: () => Promise<void> }> {
    const own = await launchExtension(sim);
    await (await saveKeys(own.ctx, TEST_KEYS)).close();
    const page = await openExtensionPage(own.ctx, 'popup.html');
    // Opening refreshes "Awaiting you" (docs/inbox.md#the-list): the scenario starts once that is over.
    await awaitingList(page).getByText(/^Updated /).waitFor({ timeout: UI_TIMEOUT_MS });
    return { page, close: () => own.close() };
  }

  it.each(pausingKinds)('scenario %s shows the %s message', async (scenario, kind) => {
    const fresh = await freshPopup();
    try {
      const id = SCENARIO_IDS[scenario];
      await lookUp(fresh.page, id);
      await expectErrorShown(fresh.page, kind);
      expect(sim.lookupsOf(id), sim.describeRequests()).toMatchObject([{ authOk: true }]);
    } finally {
      await fresh.close();
    }
  });

  it('a key whose IP is not registered shows the ip-not-allowed message on an ordinary lookup', async () => {
    const fresh = await freshPopup();
    try {
      sim.ipAllowed = false;
      await lookUp(fresh.page, '1015668178');
      await expectErrorShown(fresh.page, 'ip-not-allowed');
      expect(sim.lookupsOf('1015668178')).toMatchObject([{ authOk: true, status: 403 }]);
    } finally {
      await fresh.close();
    }
  });
});

describe('error kinds from wrong keys', () => {
  /**
   * The first request with the new keys (the "Awaiting you" refresh as the popup reloads, or the lookup) is refused
   * for that reason, and the keys are then held: nothing more is sent with them (docs/request-economy.md#holds).
   */
  const expectRefusedThenHeld = (failure: string) => {
    const sent = sim.apiRequests();
    expect(sent.length, sim.describeRequests()).toBeGreaterThanOrEqual(1);
    expect(sent.every((r) => r.authOk === false && r.authFailure === failure), sim.describeRequests()).toBe(true);
    expect(sent.length, sim.describeRequests()).toBe(1);
  };

  it('a wrong secret key shows the invalid-signature message', async () => {
    await (await saveKeys(browser.ctx, { ...TEST_KEYS, secretKey: `${TEST_SECRET_KEY.slice(0, -1)}0` })).close();
    await popup.reload();
    await lookUp(popup, '1015668180');
    await expectErrorShown(popup, 'invalid-signature');
    expectRefusedThenHeld('invalid-signature');
  });

  it('an unknown access key shows the not-authorized message', async () => {
    await (await saveKeys(browser.ctx, { ...TEST_KEYS, accessKey: TEST_ACCESS_KEY.replace(/.$/, '9') })).close();
    await popup.reload();
    await lookUp(popup, '1015668181');
    await expectErrorShown(popup, 'not-authorized');
    expectRefusedThenHeld('not-authorized');
  });

  it('an access key with a stray comma (it breaks the CEA header) shows the malformed-auth message', async () => {
    await (await saveKeys(browser.ctx, { ...TEST_KEYS, accessKey: `${TEST_ACCESS_KEY},` })).close();
    await popup.reload();
    await lookUp(popup, '1015668181');
    await expectErrorShown(popup, 'malformed-auth');
    expectRefusedThenHeld('malformed');
  });

  it('the right keys again: the same popup shows details', async () => {
    await (await saveKeys(browser.ctx, TEST_KEYS)).close();
    await popup.reload();
    await lookUp(popup, '1015668181');
    await expectDetailsShown(popup, '1015668181');
  });
});
