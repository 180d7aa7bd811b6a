const DETAIL_MAX = 200;

/**
 * Shapes of credentials that must never reach a page even when the gateway echoes them
 * (docs/request-economy.md#privacy): a CEA Authorization header or its fields, access keys (UUIDs),
 * secret keys and signatures (long hex runs), and long base64-like tokens.
 */
const SECRET_SHAPES: readonly RegExp[] = [
  /CEA\s+algorithm=[^\s,]*(?:\s*,\s*[\w-]+=[^\s,]*)*/gi,
  /\b(access-key|secret-key|signature|signed-date|authorization)\s*[=:]\s*[^\s,;]+/gi,
  /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi,
  /\b[0-9a-f]{32,}\b/gi,
  /[A-Za-z0-9+/_-]{40,}={0,2}/g,
];

export function stripSecrets(text: string): string {
  return SECRET_SHAPES.reduce((out, shape) => out.replace(shape, '[hidden]'), text);
}

/** A gateway message made fit for the details line: key-shaped text hidden, trimmed, at most 200 characters. */
export function toDetail(message: string): string | undefined {
  const chars = Array.from(stripSecrets(message).trim());
  if (chars.length === 0) return undefined;
  return chars.length > DETAIL_MAX ? `${chars.slice(0, DETAIL_MAX - 1).join('')}…` : chars.join('');
}
