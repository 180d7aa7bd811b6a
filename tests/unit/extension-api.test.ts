import { beforeEach, describe, expect, it, vi } from 'vitest';

/** A runtime port as the background sees it from the other end: what was posted, whether it was closed. */
interface FakePort {
  name: string;
  posted: unknown[];
  disconnected: boolean;
  answer: (message: unknown) => void;
  drop: () => void;
}

const ports: FakePort[] = [];

vi.mock('wxt/browser', () => ({
  browser: {
    runtime: {
      connect: ({ name }: { name: string }) => {
        const messageListeners = new Set<(message: unknown) => void>();
        const disconnectListeners = new Set<() => void>();
        const port: FakePort = {
          name,
          posted: [],
          disconnected: false,
          answer: (message) => messageListeners.forEach((listener) => listener(message)),
          drop: () => disconnectListeners.forEach((listener) => listener()),
        };
        ports.push(port);
        return {
          name,
          postMessage: (message: unknown) => port.posted.push(message),
          disconnect: () => void (port.disconnected = true),
          onMessage: { addListener: (l: (m: unknown) => void) => messageListeners.add(l), removeListener: (l: (m: unknown) => void) => messageListeners.delete(l) },
          onDisconnect: { addListener: (l: () => void) => disconnectListeners.add(l), removeListener: (l: () => void) => disconnectListeners.delete(l) },
        };
      },
    },
  },
}));

const { lookupInquiry } = await import('@/utils/extension-api');

beforeEach(() => {
  ports.length = 0;
});

describe('lookupInquiry', () => {
  it('asks over a lookup port of its own and resolves with the checked answer, then closes the port', async () => {
    const answer = lookupInquiry('258799946', { refresh: true });
    const [port] = ports;
    expect(port?.name).toBe('lookup');
    expect(port?.posted).toEqual([{ type: 'lookup', id: '258799946', refresh: true, retry: false }]);
    port!.answer({ ok: false, error: { kind: 'not-found', status: 404 } });
    expect(await answer).toEqual({ ok: false, error: { kind: 'not-found', status: 404 } });
    expect(port!.disconnected).toBe(true);
  });

  it('an aborted asker closes its port at once (the background then drops or aborts the request)', async () => {
    const controller = new AbortController();
    const answer = lookupInquiry('1', { signal: controller.signal });
    controller.abort();
    expect(await answer).toEqual({ ok: false, error: { kind: 'aborted' } });
    expect(ports[0]!.disconnected).toBe(true);
  });

  it('an already aborted signal opens no port', async () => {
    const controller = new AbortController();
    controller.abort();
    expect(await lookupInquiry('1', { signal: controller.signal })).toEqual({ ok: false, error: { kind: 'aborted' } });
    expect(ports).toHaveLength(0);
  });

  it('a port closed without an answer, or a malformed answer, is the extension-error kind', async () => {
    const dropped = lookupInquiry('1');
    ports[0]!.drop();
    expect(await dropped).toEqual({ ok: false, error: { kind: 'extension-error' } });
    const malformed = lookupInquiry('2');
    ports[1]!.answer({ ok: 'yes' });
    expect(await malformed).toEqual({ ok: false, error: { kind: 'extension-error' } });
  });
});
