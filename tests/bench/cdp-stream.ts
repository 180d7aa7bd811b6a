/** Shared by the Wing benches (wing-main-thread.ts, card-open-trace.ts): reading what CDP hands back as a stream. */
import type { CDPSession } from 'playwright-core';

/** Reads a CDP IO stream (e.g. a trace from Tracing.tracingComplete) to its end, then closes it. */
export async function readStream(cdp: CDPSession, handle: string): Promise<string> {
  let out = '';
  for (;;) {
    const chunk = await cdp.send('IO.read', { handle, size: 1 << 20 });
    out += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString('utf8') : chunk.data;
    if (chunk.eof) break;
  }
  await cdp.send('IO.close', { handle });
  return out;
}
