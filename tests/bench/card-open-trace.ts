/**
 * What opening one card costs the page, event by event: the production build in real Chromium, the Wing-like
 * list (tests/fixtures/wing-e2e/bench/rows.html) of BENCH_ROWS rows (default 5000), the last row scrolled into
 * view, then CDP tracing around the seller's hover (the pointer resting on the last row's 상담번호 until its card
 * shows, and HOLD_MS more). Prints, for the page's main thread in that window, the total of every complete event
 * by name (RunTask, FunctionCall, UpdateLayoutTree, Layout, PrePaint, Paint, …), each style recalc with its
 * element count, each layout with its dirty / total objects and whether it was partial, and what invalidated
 * style, layout and paint (the invalidation-tracking categories, with the first frame of their stack).
 * Not a test; a diagnosis aid (docs/testing.md#benchmarks).
 *
 *   npm run build && npx jiti tests/bench/card-open-trace.ts
 *
 * Environment: BENCH_ROWS, E2E_EXTENSION_DIR (another build to trace, e.g. the baseline's), TRACE_OUT (a path:
 * the raw trace is written there, for chrome://tracing or DevTools), TRACE_PLAIN=1 (trace the page alone),
 * TRACE_WARM=1 (open the row above's card first and close it: trace a later card, not the page's first),
 * TRACE_CATS (more trace categories, comma-separated, e.g. `fonts,blink`).
 */
import { writeFile } from 'node:fs/promises';
import type { CDPSession, Page } from 'playwright-core';
import { launchExtension } from '../e2e/support/browser';
import { GatewaySim, WING_HOST } from '../e2e/support/gateway-sim';
import { TEST_KEYS, saveKeys } from '../e2e/support/ui';
import { WING_E2E_DIR } from '../e2e/wing-support/wing';
import { BENCH_ITEM, seedHoveredRows } from './bench-inquiries';
import { readStream } from './cdp-stream';

const ROWS = Number(process.env.BENCH_ROWS ?? 5000);
const HOLD_MS = 2_500;

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: Record<string, unknown> & { name?: string; data?: Record<string, unknown>; beginData?: Record<string, unknown>; endData?: Record<string, unknown> };
}

async function waitFor(page: Page, predicate: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await page.evaluate(predicate))) {
    if (Date.now() > deadline) throw new Error(`trace: timed out waiting for ${predicate}`);
    await page.waitForTimeout(50);
  }
}

/** The card shows the hovered inquiry (bench-inquiries.ts), not only its spinner. */
const CARD_SHOWN = `!!document.querySelector('cs-lens-card')?.shadowRoot?.querySelector('[role="dialog"]')?.textContent?.includes(${JSON.stringify(BENCH_ITEM)})`;

async function main(): Promise<void> {
  if (process.env.TRACE_IN) {
    const { readFile } = await import('node:fs/promises');
    const parsed = JSON.parse(await readFile(process.env.TRACE_IN, 'utf8')) as { traceEvents?: TraceEvent[] } | TraceEvent[];
    console.log(summarise(Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? [])));
    return;
  }
  const sim = await GatewaySim.start({ wingDir: WING_E2E_DIR });
  seedHoveredRows(sim, [ROWS]);
  const browser = await launchExtension(sim);
  try {
    await (await saveKeys(browser.ctx, TEST_KEYS)).close();
    const page = await browser.ctx.newPage();
    await page.goto(`https://${WING_HOST}/bench/rows.html?rows=${ROWS}&via=xhr`, { waitUntil: 'load' });
    await waitFor(page, `document.body.hasAttribute('data-rows-ready')`, 30_000);
    await page.evaluate(`document.querySelector('._tB1e tbody').lastElementChild.scrollIntoView({ block: 'end' })`);
    if (process.env.TRACE_PLAIN !== '1') await waitFor(page, `!!document.querySelector('._tB1e tbody').lastElementChild.querySelector('[data-cs-lens-id]')`, 30_000);
    await page.waitForTimeout(2_500);
    const box = (await page.evaluate(`(() => { const r = document.querySelector('._tB1e tbody').lastElementChild.firstElementChild.getBoundingClientRect();
      return { x: r.x + 12, y: r.y + r.height / 2 }; })()`)) as { x: number; y: number };

    if (process.env.TRACE_WARM === '1') {
      const above = (await page.evaluate(`(() => { const rows = document.querySelector('._tB1e tbody').children;
        const r = rows[rows.length - 2].firstElementChild.getBoundingClientRect(); return { x: r.x + 12, y: r.y + r.height / 2 }; })()`)) as { x: number; y: number };
      await page.mouse.move(above.x, above.y, { steps: 4 });
      await waitFor(page, CARD_SHOWN, 10_000);
      await page.mouse.move(0, 0);
      await waitFor(page, `!document.querySelector('cs-lens-card')?.shadowRoot?.querySelector('[role="dialog"]')`, 10_000);
      await page.waitForTimeout(1_000);
    }
    if (process.env.TRACE_REDUCED_MOTION === '1') await page.emulateMedia({ reducedMotion: 'reduce' });
    if (process.env.TRACE_EVAL) console.log(`TRACE_EVAL: ${JSON.stringify(await page.evaluate(process.env.TRACE_EVAL))}`);
    const cdp = await browser.ctx.newCDPSession(page);
    const complete = new Promise<string>((ok) => cdp.once('Tracing.tracingComplete', (e) => ok(e.stream ?? '')));
    await cdp.send('Tracing.start', {
      transferMode: 'ReturnAsStream',
      traceConfig: {
        includedCategories: [
          'devtools.timeline',
          'disabled-by-default-devtools.timeline',
          'disabled-by-default-devtools.timeline.invalidationTracking',
          'disabled-by-default-devtools.timeline.stack',
          '__metadata',
          ...(process.env.TRACE_CATS ? process.env.TRACE_CATS.split(',') : []),
        ],
        excludedCategories: ['*'],
      },
    });
    const started = Date.now();
    await page.mouse.move(box.x, box.y, { steps: 4 });
    let openedMs: number | null = null;
    if (process.env.TRACE_PLAIN !== '1') {
      await waitFor(page, CARD_SHOWN, 10_000);
      openedMs = Date.now() - started;
    }
    await page.waitForTimeout(HOLD_MS);
    await cdp.send('Tracing.end');
    const text = await readStream(cdp, await complete);
    if (process.env.TRACE_OUT) await writeFile(process.env.TRACE_OUT, text);
    const parsed = JSON.parse(text) as { traceEvents?: TraceEvent[] } | TraceEvent[];
    const events = Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
    console.log(`${ROWS} rows; card shown ${openedMs ?? '-'} ms after the pointer started moving`);
    console.log(summarise(events));
  } finally {
    await browser.close();
    await sim.close();
  }
}

function summarise(events: TraceEvent[]): string {
  const pids = new Set<number>();
  for (const e of events) {
    const url = (e.args?.data?.url ?? e.args?.data?.frame) as unknown;
    if (e.name === 'FunctionCall' || e.name === 'EventDispatch' || e.name === 'HitTest') pids.add(e.pid);
    void url;
  }
  const main = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && pids.has(e.pid)).map((e) => `${e.pid}:${e.tid}`));
  const onMain = events.filter((e) => main.has(`${e.pid}:${e.tid}`));
  const ms = (us: number) => Math.round(us / 100) / 10;
  const lines: string[] = [];
  const totals = new Map<string, { n: number; us: number; max: number }>();
  for (const e of onMain) {
    if (e.ph !== 'X' || typeof e.dur !== 'number') continue;
    const t = totals.get(e.name) ?? { n: 0, us: 0, max: 0 };
    t.n++;
    t.us += e.dur;
    t.max = Math.max(t.max, e.dur);
    totals.set(e.name, t);
  }
  lines.push('complete events on the main thread (name: count, total ms, longest ms):');
  for (const [name, t] of [...totals].sort((a, b) => b[1].us - a[1].us).slice(0, 25)) lines.push(`  ${name.padEnd(28)} ${String(t.n).padStart(5)}  ${String(ms(t.us)).padStart(8)}  ${String(ms(t.max)).padStart(7)}`);
  const first = onMain.find((e) => e.name === 'EventDispatch')?.ts ?? Math.min(...onMain.map((e) => e.ts));
  const at = (e: TraceEvent) => `${ms(e.ts - first)} ms`.padStart(10);
  lines.push('style recalcs (UpdateLayoutTree):');
  for (const e of onMain.filter((x) => x.name === 'UpdateLayoutTree' && x.ph === 'X')) lines.push(`  ${at(e)} ${ms(e.dur ?? 0)} ms, ${JSON.stringify(e.args?.elementCount ?? e.args?.endData ?? e.args?.beginData ?? {})}`);
  lines.push('layouts:');
  for (const e of onMain.filter((x) => x.name === 'Layout' && x.ph === 'X')) {
    const b = e.args?.beginData ?? {};
    const root = (e.args?.endData?.layoutRoots ?? e.args?.endData?.root) as unknown;
    const stack = (b.stackTrace as { url?: string; functionName?: string; lineNumber?: number }[] | undefined)?.slice(0, 3).map((f) => `${f.functionName}@${String(f.url).replace(/^.*\//, '')}:${f.lineNumber}`);
    const rootName = (root as { nodeName?: string }[] | undefined)?.map((r) => r.nodeName).join(',');
    lines.push(`  ${at(e)} ${ms(e.dur ?? 0)} ms, dirty ${String(b.dirtyObjects)} / ${String(b.totalObjects)}, partial ${String(b.partialLayout)}, root ${rootName}, ${stack ? `forced by ${stack.join(' < ')}` : 'in a frame'}`);
  }
  lines.push('pre-paints and paints:');
  for (const e of onMain.filter((x) => (x.name === 'PrePaint' || x.name === 'Paint') && x.ph === 'X')) {
    lines.push(`  ${at(e)} ${e.name.padEnd(8)} ${ms(e.dur ?? 0)} ms ${JSON.stringify(e.args?.data ?? {}).slice(0, 140)}`);
  }
  lines.push('invalidations (name, reason, node, first stack frame):');
  const counts = new Map<string, number>();
  for (const e of onMain.filter((x) => x.name.endsWith('InvalidationTracking') || x.name === 'ScheduleStyleRecalculation' || x.name === 'InvalidateLayout')) {
    const d = (e.args?.data ?? {}) as Record<string, unknown>;
    const stack = (d.stackTrace as { url?: string; functionName?: string; lineNumber?: number }[] | undefined)?.[0];
    const key = `${e.name} | ${String(d.reason ?? d.invalidationSet ?? '')} | ${String(d.nodeName ?? '')} | ${stack ? `${stack.functionName}@${String(stack.url).replace(/^.*\//, '')}:${stack.lineNumber}` : '-'}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  for (const [key, n] of [...counts].sort((a, b) => b[1] - a[1]).slice(0, 40)) lines.push(`  ${String(n).padStart(5)}× ${key}`);
  return lines.join('\n');
}

await main();
