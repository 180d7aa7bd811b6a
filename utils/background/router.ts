import type { CredentialsStore } from '../credentials-store';
import { forContentScript, shownError } from '../lookup/content-script-view';
import type { LookupService } from '../lookup/lookup-service';
import type { RequestEconomy } from '../lookup/request-economy';
import type { ClientProvider, CoupangClient } from './client-provider';
import { CONTENT_SCRIPT_REQUESTS, failure, requestSchema, success, type InboxView, type Request, type ResponseMap } from '../messaging';
import { clearSecret, saveCredentials, setKeyIssued, statusOf } from './credentials';
import { matchVendor } from './vendor-match';

export interface MessageSender {
  id?: string;
  url?: string;
  tab?: { id?: number; windowId?: number };
}

export interface RouterDeps {
  extensionId: string;
  /** `chrome-extension://<id>/`: senders with this URL are the extension's own pages. */
  extensionOrigin: string;
  credentials: CredentialsStore;
  subtle: SubtleCrypto;
  now: () => number;
  clients: ClientProvider;
  lookups: LookupService;
  economy: RequestEconomy;
  openSidePanel: (id: string, sender: MessageSender) => Promise<void>;
  /** Content scripts have no runtime.openOptionsPage of their own. */
  openOptions: () => Promise<void>;
  /** "Awaiting you" (docs/inbox.md): the view, after starting the refresh the page asked for, if any. */
  inbox?: { view(refresh?: 'opened' | 'button'): Promise<InboxView>; clear(): Promise<void> };
}

type Response = ResponseMap[keyof ResponseMap];

/**
 * Answers one runtime message. Only this extension may talk to the background; content scripts
 * may only look up, open the side panel or options, and ask whether the page's store is the saved key's
 * (never the vendor ID itself); reading, saving and testing keys, and usage, are for the extension's pages.
 * Returns undefined for messages that are not ours, so other listeners may answer them.
 */
export function createRouter(deps: RouterDeps) {
  async function credentialsChanged(): Promise<void> {
    deps.clients.reset();
    await deps.lookups.clear();
    await deps.inbox?.clear(); // the old keys' list is dropped, a refresh with them too; the badge goes
  }

  let testing: Promise<Response> | undefined;

  async function runTest(client: CoupangClient): Promise<Response> {
    await deps.economy.ready; // a cold worker: a persisted pause must hold, and the late load must not undo the release
    deps.economy.releaseHold(client.holdKey);
    const tested = await deps.lookups.onBudget(client, () => client.testConnection());
    return tested.ok ? success({ checkedAt: deps.now() }) : { ok: false, error: shownError(tested.error) };
  }

  async function handle(request: Request, sender: MessageSender, fromOwnPage: boolean, signal?: AbortSignal): Promise<Response> {
    switch (request.type) {
      case 'lookup': {
        const result = await deps.lookups.lookup(request.id, { refresh: request.refresh ?? false, retry: request.retry ?? false, signal });
        // Content scripts get only what the card shows (docs/request-economy.md#privacy); own pages get it all.
        if (!fromOwnPage) return forContentScript(result);
        return result.ok ? result : { ok: false, error: shownError(result.error) };
      }
      case 'get-usage': {
        // A cold worker: the saved breaker and usage first, or a persisted pause reads as closed (docs/request-economy.md#breaker).
        await deps.economy.ready;
        const client = await deps.clients.get();
        return success(deps.economy.report(client.ok ? client.value.vendorId : '', client.ok ? client.value.holdKey : undefined, deps.now()));
      }
      case 'get-status':
        // Own pages only (CONTENT_SCRIPT_REQUESTS leaves it out), so the access key may go with it.
        return success(statusOf(await deps.credentials.load()));
      case 'save-credentials': {
        const saved = await saveCredentials(deps.credentials, deps.subtle, request, deps.now());
        if (saved.ok) await credentialsChanged();
        return saved;
      }
      case 'clear-secret': {
        const cleared = await clearSecret(deps.credentials, deps.now());
        await credentialsChanged();
        return cleared;
      }
      case 'test-connection': {
        const loaded = await deps.clients.get();
        if (!loaded.ok) return loaded;
        // The seller's explicit check: it lifts a hold for this one try, but never passes an open breaker; it
        // waits its turn in the lookups' queue and budget, is the one probe or waits for it, and presses
        // while one test is out share its answer (docs/request-economy.md#holds, #budget).
        testing ??= runTest(loaded.value).finally(() => (testing = undefined));
        return testing;
      }
      case 'open-side-panel':
        await deps.openSidePanel(request.id, sender);
        return success(null);
      case 'open-options':
        await deps.openOptions();
        return success(null);
      case 'set-key-issued':
        return setKeyIssued(deps.credentials, request.issuedAt, deps.now());
      case 'check-vendor':
        return success(matchVendor(statusOf(await deps.credentials.load()).vendorId, request.pageVendor));
      case 'get-inbox':
        // Own pages only (CONTENT_SCRIPT_REQUESTS leaves it out): the list is buyer data.
        return deps.inbox ? success(await deps.inbox.view(request.refresh)) : failure('extension-error', { detail: 'inbox not running' });
    }
  }

  return {
    /**
     * Undefined: not a message for us (or not from us); no answer is sent. `signal`: the asker's port
     * closed (a lookup over the lookup port).
     */
    async dispatch(raw: unknown, sender: MessageSender, signal?: AbortSignal): Promise<Response | undefined> {
      if (sender.id !== deps.extensionId) return undefined;
      const parsed = requestSchema.safeParse(raw);
      if (!parsed.success) return failure('invalid-input', { detail: 'malformed request' });
      const fromOwnPage = sender.url?.startsWith(deps.extensionOrigin) ?? false;
      if (!fromOwnPage && !CONTENT_SCRIPT_REQUESTS.has(parsed.data.type)) return undefined;
      try {
        return await handle(parsed.data, sender, fromOwnPage, signal);
      } catch {
        return failure('extension-error');
      }
    },
  };
}

export type Router = ReturnType<typeof createRouter>;
