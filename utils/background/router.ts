import type { CredentialsStore } from '../credentials-store';
import type { LookupService } from '../lookup/lookup-service';
import type { ClientProvider } from './client-provider';
import { CONTENT_SCRIPT_REQUESTS, failure, requestSchema, success, type Request, type ResponseMap } from '../messaging';
import { clearSecret, saveCredentials, statusOf } from './credentials';
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
  openSidePanel: (id: string, sender: MessageSender) => Promise<void>;
  /** Content scripts have no runtime.openOptionsPage of their own. */
  openOptions: () => Promise<void>;
}

type Response = ResponseMap[keyof ResponseMap];

/**
 * Answers one runtime message. Only this extension may talk to the background; content scripts
 * may only look up, open the side panel or options, and ask whether the page's store is the saved key's
 * (never the vendor ID itself); reading, saving and testing keys are for the extension's pages.
 * Returns undefined for messages that are not ours, so other listeners may answer them.
 */
export function createRouter(deps: RouterDeps) {
  async function credentialsChanged(): Promise<void> {
    deps.clients.reset();
    await deps.lookups.clear();
  }

  async function handle(request: Request, sender: MessageSender, fromOwnPage: boolean): Promise<Response> {
    switch (request.type) {
      case 'lookup':
        return deps.lookups.lookup(request.id, { refresh: request.refresh ?? false });
      case 'get-status': {
        const status = statusOf(await deps.credentials.load());
        return success(fromOwnPage ? status : { ...status, accessKey: '' });
      }
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
        const tested = await loaded.value.testConnection();
        return tested.ok ? success({ checkedAt: deps.now() }) : tested;
      }
      case 'open-side-panel':
        await deps.openSidePanel(request.id, sender);
        return success(null);
      case 'open-options':
        await deps.openOptions();
        return success(null);
      case 'check-vendor':
        return success(matchVendor(statusOf(await deps.credentials.load()).vendorId, request.pageVendor));
    }
  }

  return {
    /** Undefined: not a message for us (or not from us); no answer is sent. */
    async dispatch(raw: unknown, sender: MessageSender): Promise<Response | undefined> {
      if (sender.id !== deps.extensionId) return undefined;
      const parsed = requestSchema.safeParse(raw);
      if (!parsed.success) return failure('invalid-input', { detail: 'malformed request' });
      const fromOwnPage = sender.url?.startsWith(deps.extensionOrigin) ?? false;
      if (!fromOwnPage && !CONTENT_SCRIPT_REQUESTS.has(parsed.data.type)) return undefined;
      try {
        return await handle(parsed.data, sender, fromOwnPage);
      } catch {
        return failure('extension-error');
      }
    },
  };
}

export type Router = ReturnType<typeof createRouter>;
