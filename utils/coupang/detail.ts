const DETAIL_MAX = 200;

/** A gateway message made fit for the details line: trimmed, at most 200 characters. */
export function toDetail(message: string): string | undefined {
  const chars = Array.from(message.trim());
  if (chars.length === 0) return undefined;
  return chars.length > DETAIL_MAX ? `${chars.slice(0, DETAIL_MAX - 1).join('')}…` : chars.join('');
}
