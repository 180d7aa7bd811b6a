import type { Draft } from '../messaging';

/**
 * The seller's unsent answers, one per inquiry (docs/answering.md#drafts): in memory, mirrored to a
 * session-storage item so a worker restart loses nothing; never storage.local, never logged (they may
 * hold buyer data). Stored times are clamped to now, since the wall clock may have jumped.
 */
export interface DraftStorage {
  getValue(): Promise<unknown>;
  setValue(value: Record<string, Draft>): Promise<void>;
}

const MAX_DRAFTS = 200;
const MAX_TEXT = 4000;

function valid(value: unknown): value is Draft {
  if (typeof value !== 'object' || value === null) return false;
  const draft = value as Record<string, unknown>;
  return typeof draft.text === 'string' && draft.text.length <= MAX_TEXT && typeof draft.savedAt === 'number' && Number.isFinite(draft.savedAt);
}

export function createDraftStore(storage: DraftStorage, now: () => number) {
  let drafts: Map<string, Draft> | undefined;
  // Writes are chained so a later save never lands before an earlier one.
  let writing: Promise<void> = Promise.resolve();

  async function load(): Promise<Map<string, Draft>> {
    if (drafts) return drafts;
    const stored = await storage.getValue();
    const loaded = new Map<string, Draft>();
    if (typeof stored === 'object' && stored !== null) {
      for (const [id, draft] of Object.entries(stored)) {
        if (/^\d{1,20}$/.test(id) && valid(draft)) loaded.set(id, { text: draft.text, savedAt: Math.min(draft.savedAt, now()) });
      }
    }
    drafts ??= loaded;
    return drafts;
  }

  function persist(map: Map<string, Draft>): Promise<void> {
    const snapshot = Object.fromEntries(map);
    writing = writing.then(() => storage.setValue(snapshot));
    return writing;
  }

  return {
    async get(id: string): Promise<Draft | null> {
      return (await load()).get(id) ?? null;
    },
    /** An empty text discards the draft: there is nothing to keep. */
    async save(id: string, text: string): Promise<void> {
      const map = await load();
      if (text === '') map.delete(id);
      else {
        map.delete(id);
        map.set(id, { text, savedAt: now() });
        // Oldest drafts go first if a seller somehow keeps hundreds.
        while (map.size > MAX_DRAFTS) map.delete(map.keys().next().value!);
      }
      await persist(map);
    },
    async discard(id: string): Promise<void> {
      const map = await load();
      if (!map.delete(id)) return;
      await persist(map);
    },
  };
}

export type DraftStore = ReturnType<typeof createDraftStore>;
