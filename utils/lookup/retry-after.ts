/** The longest pause a Retry-After may ask for before we treat it as nonsense and cap it. */
export const MAX_RETRY_AFTER_MS = 60 * 60_000;

/**
 * `Retry-After` in both forms (docs/request-economy.md#retry-after): delay-seconds (`120`) or an
 * HTTP-date (`Wed, 21 Oct 2026 07:28:00 GMT`), read against the gateway's own clock when known.
 * Undefined when absent or unreadable; never negative; capped at one hour.
 */
export function parseRetryAfter(value: string | null | undefined, reference: number): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d+$/.test(text)) return Math.min(MAX_RETRY_AFTER_MS, Number(text) * 1_000);
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.min(MAX_RETRY_AFTER_MS, Math.max(0, at - reference));
}
