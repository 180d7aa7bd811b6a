/**
 * The extension's one way to record a failure (README.md#privacy-and-security): where it was caught (a fixed
 * name from the code) and what kind of failure it was (the error's name, an error kind, an HTTP status) —
 * never the error's message, data, IDs, keys or inquiry text, which may carry any of them. Log once, where
 * the failure is caught and handled.
 */
export interface FailureSink {
  warn(...args: unknown[]): void;
}

/** What may be said about a failure: a name, a kind and a status, each checked to be a short plain token. */
export function describeFailure(error: unknown): string {
  const token = (value: unknown): string | undefined => (typeof value === 'string' && /^[A-Za-z][\w-]{0,39}$/.test(value) ? value : undefined);
  const parts: string[] = [];
  if (error instanceof Error || (typeof error === 'object' && error !== null && 'name' in error)) {
    const name = token((error as { name?: unknown }).name);
    if (name) parts.push(name);
  }
  if (typeof error === 'object' && error !== null) {
    const { kind, status } = error as { kind?: unknown; status?: unknown };
    const shownKind = token(kind);
    if (shownKind) parts.push(`kind=${shownKind}`);
    if (typeof status === 'number' && Number.isInteger(status) && status >= 0 && status < 1000) parts.push(`status=${status}`);
  }
  if (parts.length === 0) parts.push(error === null ? 'null' : typeof error);
  return parts.join(' ');
}

let sink: FailureSink = console;

/** Tests: where failures go (console by default). */
export function setFailureSink(next: FailureSink): void {
  sink = next;
}

/** Logs one failure: `[CS Lens] <where>: <name kind=… status=…>`. `where` is a fixed string from the code. */
export function logFailure(where: string, error: unknown): void {
  sink.warn(`[CS Lens] ${where}: ${describeFailure(error)}`);
}

/** For a promise nobody awaits: `.catch(loggedAs('where'))` logs its failure instead of leaving it unhandled. */
export function loggedAs(where: string): (error: unknown) => void {
  return (error) => logFailure(where, error);
}
