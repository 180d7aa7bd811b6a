/**
 * A stored value the background reads on every lookup (sample mode), kept in memory: read once, then
 * replaced by what the storage watch reports, so the hot path costs no storage read. A failed read is
 * not kept; a change that arrives while the first read is in flight wins over it.
 */
export function watchedValue<T>(read: () => Promise<T>, watch: (onChange: (value: T) => void) => void): () => Promise<T> {
  let current: Promise<T> | undefined;
  watch((value) => {
    current = Promise.resolve(value);
  });
  return () => {
    const reading = (current ??= read().catch((error: unknown) => {
      if (current === reading) current = undefined;
      throw error;
    }));
    return reading;
  };
}
