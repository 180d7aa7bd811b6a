import type { Inquiry } from '../coupang/inquiry';
import { withWrite, type WriteRecord } from './apply-write';

/**
 * Sample mode's answers and confirms (docs/answering.md#sample-mode): nothing is sent, the write is
 * remembered for the browser session (storage.session: the text may name buyer data like any draft), and
 * the sample inquiry then shows answered on every surface.
 */
export interface SampleWriteStorage {
  getValue(): Promise<unknown>;
  setValue(value: Record<string, WriteRecord>): Promise<void>;
}

function valid(value: unknown): value is WriteRecord {
  if (typeof value !== 'object' || value === null) return false;
  const write = value as Record<string, unknown>;
  if (typeof write.at !== 'number' || !Number.isFinite(write.at)) return false;
  if (write.kind === 'confirm') return typeof write.confirmBy === 'string';
  return write.kind === 'answer' && typeof write.content === 'string' && typeof write.replyBy === 'string' && typeof write.parentAnswerId === 'string';
}

export function createSampleWrites(storage: SampleWriteStorage, now: () => number) {
  let writes: Map<string, WriteRecord> | undefined;
  let saving: Promise<void> = Promise.resolve();

  async function load(): Promise<Map<string, WriteRecord>> {
    if (writes) return writes;
    const stored = await storage.getValue();
    const loaded = new Map<string, WriteRecord>();
    if (typeof stored === 'object' && stored !== null) {
      // Stored times are clamped: the wall clock may have been set back since.
      for (const [id, write] of Object.entries(stored)) if (valid(write)) loaded.set(id, { ...write, at: Math.min(write.at, now()) });
    }
    writes ??= loaded;
    return writes;
  }

  return {
    async record(id: string, write: WriteRecord): Promise<void> {
      const map = await load();
      map.set(id, write);
      const snapshot = Object.fromEntries(map);
      saving = saving.then(() => storage.setValue(snapshot));
      await saving;
    },
    /** The sample as it stands after the seller's write, if any. */
    async apply(inquiry: Inquiry): Promise<Inquiry> {
      const write = (await load()).get(inquiry.inquiryId);
      return write ? withWrite(inquiry, write) : inquiry;
    },
  };
}

export type SampleWrites = ReturnType<typeof createSampleWrites>;
