/**
 * Main-thread cost of the Wing content script on 1,000 / 5,000 / 10,000-row pages: the same Wing-like
 * page (tests/fixtures/wing-e2e/bench/rows.html, 8 columns, one 상담번호 column, decoys) loaded in real
 * Chromium (a) with the production build and saved keys, (b) in the same setup without the extension,
 * (c) without the extension but with a bare-regex decorator in the page, (d) with a stand-in extension whose
 * content script is empty (same matches, same run_at): the floor any content script costs, which the
 * extension's own work is measured against too; alternating runs. Not a test: it
 * prints figures (and fails only when the extension left the last row undecorated once scrolled to it, or
 * looked something up).
 *
 *   npm run build && npx jiti tests/bench/wing-main-thread.ts
 *
 * Environment: BENCH_RUNS (default 3 per configuration), BENCH_ROWS (`1000,5000,10000`), BENCH_MODES
 * (`xhr`; `initial,xhr` adds rows present when the content script starts), BENCH_NAIVE (see below),
 * BENCH_NAIVE=1 (default) also times a bare-regex decorator in the page, as a comparison;
 * BENCH_TRACE (1: one traced run per configuration for the longest task and per-task attribution;
 * default 1), BENCH_JSON (a path: all raw figures written there), BENCH_HOVER (1: also the seller's hover, below),
 * BENCH_BASE (the path of another build, e.g. `.output/chrome-mv3` of the commit before a change: measured as a
 * further configuration, "before", in the same run, so a change is judged against it under the same load).
 *
 * With BENCH_HOVER=1, after the load figures each run also does what a seller does: the last row scrolled into
 * view, the pointer resting on its 상담번호 (HOVER_WAIT_MS, and for the extension until its card shows), then
 * on the row above's. The hover's added time is the difference of Performance.getMetrics before and after
 * (TaskDuration, script, style+layout; the rest of TaskDuration is paint, pre-paint, compositing and the like),
 * in every configuration, so the page alone is the baseline. With BENCH_TRACE, one more hover per row count and
 * configuration is traced: its Paint + PrePaint time, and the longest task that ran extension code.
 *
 * Per run: a fresh tab, `Performance.enable` before navigating, then wait until the rows are in, the
 * first row's 상담번호 is decorated and a further second has passed, then `Performance.getMetrics`
 * (TaskDuration, ScriptDuration, Layout, RecalcStyle: cumulative main-thread time of the renderer since
 * the navigation). Then the last row is scrolled into view and the time until its ID is decorated (the
 * moment it can be hovered) is read in the page. Long tasks (≥ 50 ms) come from a
 * PerformanceObserver('longtask') added by an init script; the traced runs give every task's duration
 * (RunTask on the page's CrRendererMain) and which of them ran extension code.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { CHROMIUM_PATH, chromiumArgs, launchExtension, type ExtensionBrowser } from '../e2e/support/browser';
import { GatewaySim, WING_HOST } from '../e2e/support/gateway-sim';
import { TEST_KEYS, saveKeys } from '../e2e/support/ui';
import { WING_E2E_DIR } from '../e2e/wing-support/wing';
import { BENCH_ITEM, seedHoveredRows } from './bench-inquiries';
import { readStream } from './cdp-stream';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const ROW_COUNTS = (process.env.BENCH_ROWS ?? '1000,5000,10000').split(',').map(Number).filter((n) => n > 0);
let ROWS = ROW_COUNTS[0] ?? 1000;
const MODES = (process.env.BENCH_MODES ?? 'xhr').split(',').map((m) => m.trim()).filter(Boolean) as Mode[];
const NAIVE = (process.env.BENCH_NAIVE ?? '1') === '1';
const TRACE = (process.env.BENCH_TRACE ?? '1') === '1';
const HOVER = process.env.BENCH_HOVER === '1';
/** How long the pointer rests on each number: the intent delay, one round trip and a margin, in every configuration. */
const HOVER_WAIT_MS = 1_500;
/** After the last decoration, the scanner must stay idle this long before the metrics are read. */
const SETTLE_MS = 1_000;
const DECORATION_TIMEOUT_MS = 60_000;

type Mode = 'initial' | 'xhr';
type Config = 'extension' | 'plain' | 'naive' | 'empty' | 'before';
const BASE = process.env.BENCH_BASE;

interface RunResult {
  config: Config;
  mode: Mode;
  rows: number;
  /** Performance.getMetrics, in ms. */
  taskMs: number;
  scriptMs: number;
  layoutMs: number;
  styleMs: number;
  /** Decorated elements at the end (extension: [data-cs-lens-id]; naive: its spans). */
  decorated: number;
  /** From the rows being in place to the first row's ID being decorated (extension only), ms. */
  decorateWallMs: number | null;
  /** From scrolling the last row into view to its ID being decorated (hoverable), ms; naive: 0 (all done up front). */
  lastRowHoverableMs: number | null;
  longTasks: number[];
  apiRequests: number;
  /** BENCH_HOVER: main-thread time added by the two hovers (getMetrics after minus before), ms. */
  hover?: { taskMs: number; scriptMs: number; styleLayoutMs: number; cardShown: boolean; longTasks: number[] };
}

const LONG_TASK_OBSERVER = `(() => {
  window.__longTasks = [];
  try {
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push(Math.round(e.duration)); })
      .observe({ type: 'longtask', buffered: true });
  } catch {}
})();`;

function pageUrl(mode: Mode, naive: boolean): string {
  return `https://${WING_HOST}/bench/rows.html?rows=${ROWS}&via=${mode}${naive ? '&naive=1' : ''}`;
}

/**
 * The same Chromium setup as launchExtension (support/browser.ts), without the extension; with
 * `emptyContentScript`, with a stand-in extension that injects an empty script where ours runs.
 */
async function launchPlain(sim: GatewaySim, emptyContentScript = false): Promise<{ ctx: BrowserContext; close: () => Promise<void> }> {
  const userDataDir = await mkdtemp(join(tmpdir(), 'coupang-bench-plain-'));
  let extensionArgs: string[] = [];
  if (emptyContentScript) {
    const dir = join(userDataDir, 'empty-extension');
    await mkdir(dir);
    const manifest = {
      manifest_version: 3,
      name: 'empty content script (bench floor)',
      version: '1.0',
      content_scripts: [{ matches: ['https://wing.coupang.com/*'], js: ['empty.js'], run_at: 'document_idle' }],
    };
    await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest));
    await writeFile(join(dir, 'empty.js'), 'void 0;\n');
    extensionArgs = [`--disable-extensions-except=${dir}`, `--load-extension=${dir}`];
  }
  const ctx = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...extensionArgs, ...chromiumArgs(sim)],
  });
  return {
    ctx,
    close: async () => {
      await ctx.close().catch(() => undefined);
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

async function waitFor(page: Page, predicate: string, timeoutMs: number, pollMs = 50): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await page.evaluate(predicate))) {
    if (Date.now() > deadline) throw new Error(`bench: timed out waiting for ${predicate}`);
    await page.waitForTimeout(pollMs);
  }
}

/** Cheap (a look at one row): is the first row's 상담번호 decorated? A full count would cost main-thread time. */
const FIRST_ROW_DECORATED = `!!document.querySelector('._tB1e tbody')?.firstElementChild?.querySelector('[data-cs-lens-id]')`;

/** Scrolls the last row into view and resolves with the ms until its 상담번호 is decorated (null: not within 10 s). */
const LAST_ROW_HOVERABLE = `new Promise((resolve) => {
  const row = document.querySelector('._tB1e tbody').lastElementChild;
  const decorated = () => !!row.querySelector('[data-cs-lens-id]');
  const started = performance.now();
  if (decorated()) return resolve(0);
  const observer = new MutationObserver(() => { if (decorated()) { observer.disconnect(); resolve(Math.round(performance.now() - started)); } });
  observer.observe(row, { childList: true, subtree: true, attributes: true });
  setTimeout(() => { observer.disconnect(); resolve(null); }, 10000);
  row.scrollIntoView({ block: 'end' });
})`;

async function measure(ctx: BrowserContext, sim: GatewaySim, config: Config, mode: Mode): Promise<RunResult> {
  const page = await ctx.newPage();
  try {
    await page.addInitScript(LONG_TASK_OBSERVER);
    const cdp = await ctx.newCDPSession(page);
    await cdp.send('Performance.enable');
    const apiBefore = sim.apiRequests().length;
    await page.goto(pageUrl(mode, config === 'naive'), { waitUntil: 'load' });
    await waitFor(page, `document.body.hasAttribute('data-rows-ready')`, 30_000);
    let decorateWallMs: number | null = null;
    if (isExtension(config)) {
      await waitFor(page, FIRST_ROW_DECORATED, DECORATION_TIMEOUT_MS);
      decorateWallMs = (await page.evaluate('performance.now() - window.__rowsReadyAt')) as number;
    }
    await page.waitForTimeout(SETTLE_MS);
    const { metrics } = await cdp.send('Performance.getMetrics');
    const lastRowHoverableMs = config === 'plain' || config === 'empty' ? null : config === 'naive' ? 0 : ((await page.evaluate(LAST_ROW_HOVERABLE)) as number | null);
    const metric = (name: string) => Math.round((metrics.find((m) => m.name === name)?.value ?? Number.NaN) * 1000 * 10) / 10;
    const decorated = (await page.evaluate(
      config === 'naive' ? `document.querySelectorAll('[data-naive-id]').length` : `document.querySelectorAll('[data-cs-lens-id]').length`,
    )) as number;
    const longTasks = (await page.evaluate('window.__longTasks ?? []')) as number[];
    const apiAfterLoad = sim.apiRequests().length;
    const hover = HOVER ? await hoverTwoNumbers(page, cdp, isExtension(config)) : undefined;
    await cdp.detach().catch(() => undefined);
    return {
      config,
      mode,
      rows: ROWS,
      lastRowHoverableMs,
      taskMs: metric('TaskDuration'),
      scriptMs: metric('ScriptDuration'),
      layoutMs: metric('LayoutDuration'),
      styleMs: metric('RecalcStyleDuration'),
      decorated,
      decorateWallMs: decorateWallMs === null ? null : Math.round(decorateWallMs),
      longTasks,
      apiRequests: apiAfterLoad - apiBefore,
      hover,
    };
  } finally {
    await page.close();
  }
}

const isExtension = (config: Config) => config === 'extension' || config === 'before';

/** The card shows the hovered inquiry (bench-inquiries.ts), not only its spinner. */
const CARD_SHOWN = `!!document.querySelector('cs-lens-card')?.shadowRoot?.querySelector('[role="dialog"]')?.textContent?.includes(${JSON.stringify(BENCH_ITEM)})`;

/** The seller's hover: rest on the last row's 상담번호 until its card shows, then on the row above's. */
async function hoverTwoNumbers(page: Page, cdp: CDPSession | undefined, extension: boolean): Promise<NonNullable<RunResult['hover']>> {
  await page.evaluate(`document.querySelector('._tB1e tbody').lastElementChild.scrollIntoView({ block: 'end' })`);
  await page.waitForTimeout(500);
  const sums = async () => {
    if (!cdp) return { task: 0, script: 0, styleLayout: 0 };
    const { metrics } = await cdp.send('Performance.getMetrics');
    const m = (name: string) => (metrics.find((x) => x.name === name)?.value ?? Number.NaN) * 1000;
    return { task: m('TaskDuration'), script: m('ScriptDuration'), styleLayout: m('LayoutDuration') + m('RecalcStyleDuration') };
  };
  const longBefore = ((await page.evaluate('window.__longTasks ?? []')) as number[]).length;
  const before = await sums();
  let cardShown = false;
  for (const nth of [1, 2]) {
    const box = (await page.evaluate(`(() => { const rows = document.querySelector('._tB1e tbody').children;
      const r = rows[rows.length - ${nth}].firstElementChild.getBoundingClientRect(); return { x: r.x + 12, y: r.y + r.height / 2 }; })()`)) as { x: number; y: number };
    await page.mouse.move(box.x, box.y, { steps: 4 });
    const started = Date.now();
    if (extension && nth === 1) {
      await waitFor(page, CARD_SHOWN, 10_000).then(() => (cardShown = true), () => undefined);
    }
    await page.waitForTimeout(Math.max(0, HOVER_WAIT_MS - (Date.now() - started)));
  }
  const after = await sums();
  await page.mouse.move(0, 0);
  const r = (x: number) => Math.round(x * 10) / 10;
  return {
    taskMs: r(after.task - before.task),
    scriptMs: r(after.script - before.script),
    styleLayoutMs: r(after.styleLayout - before.styleLayout),
    cardShown,
    longTasks: ((await page.evaluate('window.__longTasks ?? []')) as number[]).slice(longBefore),
  };
}

// ---- tracing: every task of the page's main thread, and which ran extension code ----

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: Record<string, unknown> };
}

interface TraceSummary {
  config: Config;
  mode: Mode;
  rows: number;
  tasks: number;
  totalTaskMs: number;
  longestTaskMs: number;
  /**
   * The extension's own script time: outermost FunctionCall / EvaluateScript events whose script is a
   * chrome-extension:// URL (the content script's evaluation, its observer callback, idle slices, listeners).
   */
  extensionCalls: number;
  extensionScriptMs: number;
  longestExtensionCallMs: number;
  /** Evaluating the content script bundle when it is injected. */
  injectionMs: number;
  /** Layout passes on the main thread, their total time and the longest one. */
  layouts: number;
  layoutMs: number;
  longestLayoutMs: number;
}

async function traced(ctx: BrowserContext, config: Config, mode: Mode): Promise<TraceSummary> {
  const page = await ctx.newPage();
  try {
    const cdp = await ctx.newCDPSession(page);
    const complete = new Promise<string>((ok) => cdp.once('Tracing.tracingComplete', (e) => ok(e.stream ?? '')));
    await cdp.send('Tracing.start', {
      transferMode: 'ReturnAsStream',
      traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', '__metadata'], excludedCategories: ['*'] },
    });
    await page.goto(pageUrl(mode, config === 'naive'), { waitUntil: 'load' });
    await waitFor(page, `document.body.hasAttribute('data-rows-ready')`, 30_000);
    if (config === 'extension') await waitFor(page, FIRST_ROW_DECORATED, DECORATION_TIMEOUT_MS);
    await page.waitForTimeout(SETTLE_MS);
    await cdp.send('Tracing.end');
    const text = await readStream(cdp, await complete);
    await cdp.detach().catch(() => undefined);
    const parsed = JSON.parse(text) as { traceEvents?: TraceEvent[] } | TraceEvent[];
    return summarise(Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []), config, mode);
  } finally {
    await page.close();
  }
}

interface HoverTrace {
  config: Config;
  rows: number;
  /** Outermost Paint events plus PrePaint on the page's main thread during the hovers, ms. */
  paintMs: number;
  /** The longest task (RunTask) that ran extension code during the hovers, ms. */
  longestExtensionTaskMs: number;
}

/** One hover (as hoverTwoNumbers) traced: paint and pre-paint time, and the longest task running extension code. */
async function tracedHover(ctx: BrowserContext, config: Config): Promise<HoverTrace> {
  const page = await ctx.newPage();
  try {
    await page.goto(pageUrl('xhr', false), { waitUntil: 'load' });
    await waitFor(page, `document.body.hasAttribute('data-rows-ready')`, 30_000);
    if (isExtension(config)) await waitFor(page, FIRST_ROW_DECORATED, DECORATION_TIMEOUT_MS);
    await page.waitForTimeout(SETTLE_MS);
    const cdp = await ctx.newCDPSession(page);
    await page.evaluate(`document.querySelector('._tB1e tbody').lastElementChild.scrollIntoView({ block: 'end' })`);
    if (isExtension(config)) await waitFor(page, `!!document.querySelector('._tB1e tbody').lastElementChild.querySelector('[data-cs-lens-id]')`, 10_000);
    await page.waitForTimeout(500);
    const complete = new Promise<string>((ok) => cdp.once('Tracing.tracingComplete', (e) => ok(e.stream ?? '')));
    await cdp.send('Tracing.start', {
      transferMode: 'ReturnAsStream',
      // The stacks say whose code forced a style, a layout, a timer or a frame (see below).
      traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-devtools.timeline.stack', '__metadata'], excludedCategories: ['*'] },
    });
    // hoverTwoNumbers scrolls the same row into view (no change now) and rests on two numbers.
    await hoverTwoNumbers(page, undefined, isExtension(config));
    await cdp.send('Tracing.end');
    const text = await readStream(cdp, await complete);
    await cdp.detach().catch(() => undefined);
    const parsed = JSON.parse(text) as { traceEvents?: TraceEvent[] } | TraceEvent[];
    const events = Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
    const pids = new Set(events.filter((e) => e.name === 'EventDispatch').map((e) => e.pid));
    const main = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && pids.has(e.pid)).map((e) => `${e.pid}:${e.tid}`));
    const on = (name: string) => events.filter((e) => main.has(`${e.pid}:${e.tid}`) && e.ph === 'X' && e.name === name && typeof e.dur === 'number').sort((a, b) => a.ts - b.ts);
    const outermost = (list: TraceEvent[]) => {
      const out: TraceEvent[] = [];
      let until = -1;
      for (const e of list) {
        if (e.ts < until) continue;
        out.push(e);
        until = e.ts + (e.dur ?? 0);
      }
      return out;
    };
    const sum = (list: TraceEvent[]) => list.reduce((a, e) => a + (e.dur ?? 0), 0);
    // A task ran extension code when any event in it names a chrome-extension:// script: a call into it, or the
    // stack of a timer, a frame request, a forced style or layout. Not calls alone: the work a message answer or
    // a promise starts runs as microtasks, outside any FunctionCall of ours (a 25 ms card render went uncounted).
    const extensionAt = events
      .filter((e) => e.name !== 'RunTask' && main.has(`${e.pid}:${e.tid}`) && JSON.stringify(e.args ?? {}).includes('chrome-extension://'))
      .map((e) => e.ts);
    let longest = 0;
    for (const task of on('RunTask')) {
      const end = task.ts + (task.dur ?? 0);
      if (extensionAt.some((ts) => ts >= task.ts && ts < end)) longest = Math.max(longest, task.dur ?? 0);
    }
    const ms = (us: number) => Math.round(us / 100) / 10;
    return { config, rows: ROWS, paintMs: ms(sum(outermost(on('Paint'))) + sum(on('PrePaint'))), longestExtensionTaskMs: ms(longest) };
  } finally {
    await page.close();
  }
}

function summarise(events: TraceEvent[], config: Config, mode: Mode): TraceSummary {
  // The renderer that committed the Wing page, and its main thread.
  const wingPids = new Set<number>();
  for (const e of events) {
    const data = e.args?.data;
    if (e.name === 'FrameCommittedInBrowser' && typeof data?.url === 'string' && data.url.startsWith(`https://${WING_HOST}/`)) wingPids.add(Number(data.processId));
    if (e.name === 'ParseHTML' || e.name === 'ResourceSendRequest') {
      const url = (data?.url ?? (data as { beginData?: { url?: string } } | undefined)?.beginData?.url) as string | undefined;
      if (url?.startsWith(`https://${WING_HOST}/`)) wingPids.add(e.pid);
    }
  }
  const mainThreads = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && wingPids.has(e.pid)).map((e) => `${e.pid}:${e.tid}`));
  const complete = (name: string) => events.filter((e) => mainThreads.has(`${e.pid}:${e.tid}`) && e.ph === 'X' && e.name === name && typeof e.dur === 'number');
  const tasks = complete('RunTask');
  const extensionUrl = (e: TraceEvent) => {
    const url = e.args?.data?.url;
    return typeof url === 'string' && url.startsWith('chrome-extension://');
  };
  const calls = [...complete('FunctionCall'), ...complete('EvaluateScript')].filter(extensionUrl).sort((a, b) => a.ts - b.ts);
  const outermost: TraceEvent[] = [];
  let until = -1;
  for (const call of calls) {
    if (call.ts < until) continue;
    outermost.push(call);
    until = call.ts + (call.dur ?? 0);
  }
  const layouts = complete('Layout');
  const ms = (us: number) => Math.round(us / 100) / 10;
  const sum = (list: TraceEvent[]) => ms(list.reduce((a, e) => a + (e.dur ?? 0), 0));
  const longest = (list: TraceEvent[]) => ms(Math.max(0, ...list.map((e) => e.dur ?? 0)));
  return {
    config,
    mode,
    rows: ROWS,
    tasks: tasks.length,
    totalTaskMs: sum(tasks),
    longestTaskMs: longest(tasks),
    extensionCalls: outermost.length,
    extensionScriptMs: sum(outermost),
    longestExtensionCallMs: longest(outermost.filter((e) => e.name === 'FunctionCall')),
    injectionMs: sum(outermost.filter((e) => e.name === 'EvaluateScript')),
    layouts: layouts.length,
    layoutMs: sum(layouts),
    longestLayoutMs: longest(layouts),
  };
}

// ---- statistics and report ----

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const r1 = (x: number) => Math.round(x * 10) / 10;

function report(results: RunResult[], traces: TraceSummary[], hoverTraces: HoverTrace[]): string {
  const lines: string[] = [];
  const pad = (value: string | number, width: number) => String(value).padStart(width);
  lines.push(`Wing content script, main-thread time (Performance.getMetrics TaskDuration, medians of ${RUNS} runs; ms)`);
  for (const mode of MODES) {
    lines.push('');
    lines.push(`mode=${mode} (${mode === 'initial' ? 'rows in the page when the content script starts' : 'rows appended in one batch by an XHR after load'})`);
    lines.push('   rows   page alone  +empty CS  +extension  +naive regex  ext added  over empty CS  naive added  ext script added  ext longest task  ext long tasks≥50  ext decorated  last row hoverable (ext / naive)');
    for (const rows of ROW_COUNTS) {
      const of = (config: Config) => results.filter((r) => r.mode === mode && r.rows === rows && r.config === config);
      const task = (config: Config) => median(of(config).map((r) => r.taskMs));
      const [plain, ext, naive, empty] = [task('plain'), task('extension'), task('naive'), task('empty')];
      // ScriptDuration moves far less with the machine's load than TaskDuration (layout of the page's rows).
      const scriptAdded = median(of('extension').map((r) => r.scriptMs)) - median(of('plain').map((r) => r.scriptMs));
      const trace = traces.find((t) => t.mode === mode && t.rows === rows && t.config === 'extension');
      const extLong = of('extension').flatMap((r) => r.longTasks);
      const hoverable = of('extension').map((r) => r.lastRowHoverableMs);
      const hoverText = hoverable.some((h) => h === null) ? 'never' : `${median(hoverable as number[])} ms`;
      lines.push(
        `${pad(rows, 7)}  ${pad(r1(plain), 11)}  ${pad(r1(empty), 9)}  ${pad(r1(ext), 10)}  ${pad(Number.isFinite(naive) ? r1(naive) : '-', 12)}  ${pad(`+${r1(ext - plain)}`, 9)}  ${pad(`${ext - empty >= 0 ? '+' : ''}${r1(ext - empty)}`, 13)}  ${pad(Number.isFinite(naive) ? `+${r1(naive - plain)}` : '-', 11)}  ${pad(`+${r1(scriptAdded)}`, 16)}  ${pad(trace ? `${trace.longestExtensionCallMs}` : '-', 16)}  ${pad(extLong.length ? JSON.stringify(extLong) : 'none', 17)}  ${pad(median(of('extension').map((r) => r.decorated)), 13)}  ${hoverText} / ${Number.isFinite(naive) ? '0 ms (wraps all up front)' : '-'}`,
      );
    }
    for (const t of traces.filter((x) => x.mode === mode)) {
      lines.push(
        `trace ${String(t.rows).padStart(5)} ${t.config.padEnd(9)}: ${t.tasks} tasks, ${t.totalTaskMs} ms, longest ${t.longestTaskMs} ms; layout ${t.layouts} passes, ${t.layoutMs} ms, longest ${t.longestLayoutMs} ms` +
          (t.config === 'extension' ? `; extension script ${t.extensionScriptMs} ms in ${t.extensionCalls} calls (injection ${t.injectionMs} ms, longest callback ${t.longestExtensionCallMs} ms)` : ''),
      );
    }
  }
  if (HOVER) {
    lines.push('');
    lines.push(`the seller's hover (last row's number until its card shows, then the row above's; medians of ${RUNS}; ms added by the hovers over the page alone)`);
    lines.push('paint+other = TaskDuration - script - style+layout; traced: one traced hover, Paint + PrePaint added over the page alone, and the longest task running extension code');
    const hoverConfigs: Config[] = BASE ? ['before', 'extension'] : ['extension'];
    const name = (config: Config) => (config === 'before' ? 'before' : BASE ? 'after' : 'ext');
    lines.push(`   rows  page alone  +empty CS  ${hoverConfigs.map((c) => `${name(c).padStart(6)}: added  script  style+layout  paint+other  traced paint  longest task  card shown`).join('  ')}`);
    const med = (rows: number, config: Config, key: 'taskMs' | 'scriptMs' | 'styleLayoutMs') =>
      median(results.filter((r) => r.rows === rows && r.config === config && r.hover).map((r) => r.hover![key]));
    const added = (rows: number, config: Config) => med(rows, config, 'taskMs') - med(rows, 'plain', 'taskMs');
    for (const rows of ROW_COUNTS) {
      const cells = hoverConfigs.map((config) => {
        const script = med(rows, config, 'scriptMs') - med(rows, 'plain', 'scriptMs');
        const styleLayout = med(rows, config, 'styleLayoutMs') - med(rows, 'plain', 'styleLayoutMs');
        const trace = hoverTraces.find((t) => t.rows === rows && t.config === config);
        const plainTrace = hoverTraces.find((t) => t.rows === rows && t.config === 'plain');
        const runs = results.filter((r) => r.rows === rows && r.config === config && r.hover);
        return `${pad(`+${r1(added(rows, config))}`, 13)}  ${pad(`+${r1(script)}`, 6)}  ${pad(`+${r1(styleLayout)}`, 12)}  ${pad(`+${r1(added(rows, config) - script - styleLayout)}`, 11)}  ${pad(trace && plainTrace ? `+${r1(trace.paintMs - plainTrace.paintMs)}` : '-', 12)}  ${pad(trace ? trace.longestExtensionTaskMs : '-', 12)}  ${pad(`${runs.filter((r) => r.hover!.cardShown).length}/${runs.length}`, 10)}`;
      });
      lines.push(`${pad(rows, 7)}  ${pad(r1(med(rows, 'plain', 'taskMs')), 10)}  ${pad(`+${r1(med(rows, 'empty', 'taskMs') - med(rows, 'plain', 'taskMs'))}`, 9)}  ${cells.join('  ')}`);
    }
    if (ROW_COUNTS.length > 1) {
      const first = ROW_COUNTS[0]!;
      const last = ROW_COUNTS[ROW_COUNTS.length - 1]!;
      for (const config of hoverConfigs) lines.push(`${name(config)}: hover's added time, ${last} rows vs ${first} rows: ${(added(last, config) / Math.max(added(first, config), 1)).toFixed(2)}×`);
    }
  }
  const costOf = (rows: number | undefined) => {
    const mode = MODES[0];
    const of = (config: Config) => median(results.filter((r) => r.mode === mode && r.rows === rows && r.config === config).map((r) => r.taskMs));
    return of('extension') - of('plain');
  };
  const ownCostOf = (rows: number | undefined) => {
    const mode = MODES[0];
    const of = (config: Config) => median(results.filter((r) => r.mode === mode && r.rows === rows && r.config === config).map((r) => r.taskMs));
    return of('extension') - of('empty');
  };
  if (ROW_COUNTS.length > 1) {
    const first = ROW_COUNTS[0];
    const last = ROW_COUNTS[ROW_COUNTS.length - 1];
    lines.push('');
    lines.push(`extension's added time, ${last} rows vs ${first} rows (${MODES[0]}): ${(costOf(last) / Math.max(costOf(first), 1)).toFixed(2)}×`);
    lines.push(`over an empty content script, ${last} rows vs ${first} rows (${MODES[0]}): ${(ownCostOf(last) / Math.max(ownCostOf(first), 1)).toFixed(2)}×`);
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const sim = await GatewaySim.start({ wingDir: WING_E2E_DIR });
  seedHoveredRows(sim, ROW_COUNTS);
  let withExtension: ExtensionBrowser | undefined;
  let plain: Awaited<ReturnType<typeof launchPlain>> | undefined;
  let empty: Awaited<ReturnType<typeof launchPlain>> | undefined;
  let before: ExtensionBrowser | undefined;
  try {
    withExtension = await launchExtension(sim);
    await (await saveKeys(withExtension.ctx, TEST_KEYS)).close();
    for (const p of withExtension.ctx.pages()) if (p.url() === 'about:blank') await p.close().catch(() => undefined);
    plain = await launchPlain(sim);
    empty = await launchPlain(sim, true);
    if (BASE) {
      before = await launchExtension(sim, { extensionDir: BASE });
      await (await saveKeys(before.ctx, TEST_KEYS)).close();
      for (const p of before.ctx.pages()) if (p.url() === 'about:blank') await p.close().catch(() => undefined);
    }
    const contexts: Record<Config, BrowserContext> = { extension: withExtension.ctx, plain: plain.ctx, naive: plain.ctx, empty: empty.ctx, before: (before ?? withExtension).ctx };

    // One warm-up per configuration (disk cache, JIT of the page script, the extension's first start).
    for (const config of ['extension', 'plain', 'empty', ...(BASE ? (['before'] as const) : [])] as const) await measure(contexts[config], sim, config, MODES[0] ?? 'xhr');

    const results: RunResult[] = [];
    const traces: TraceSummary[] = [];
    const hoverTraces: HoverTrace[] = [];
    for (const rows of ROW_COUNTS) {
      ROWS = rows;
      for (let run = 0; run < RUNS; run++) {
        for (const mode of MODES) {
          const configs: Config[] = BASE ? ['extension', 'before', 'plain', 'empty'] : ['extension', 'plain', 'empty'];
          const order: Config[] = run % 2 === 0 ? configs : [...configs].reverse();
          if (NAIVE) order.push('naive');
          for (const config of order) {
            const result = await measure(contexts[config], sim, config, mode);
            results.push(result);
            process.stderr.write(`${rows} rows, run ${run + 1}/${RUNS} ${mode} ${config}: task ${result.taskMs} ms, decorated ${result.decorated}, last row hoverable ${result.lastRowHoverableMs} ms, long tasks ${JSON.stringify(result.longTasks)}\n`);
          }
        }
      }
      if (TRACE) for (const mode of MODES) for (const config of ['plain', 'extension'] as const) traces.push(await traced(contexts[config], config, mode));
      if (TRACE && HOVER) for (const config of ['plain', 'extension', ...(BASE ? (['before'] as const) : [])] as const) hoverTraces.push(await tracedHover(contexts[config], config));
    }

    const problems: string[] = [];
    for (const r of results) {
      if (r.config === 'extension' && r.lastRowHoverableMs === null) problems.push(`${r.rows} rows ${r.mode}: the last row's ID was not decorated once scrolled to`);
      if (isExtension(r.config) && r.hover && !r.hover.cardShown) problems.push(`${r.rows} rows ${r.mode}: no card shown on the hover`);
      if (r.config === 'extension' && r.decorated === 0) problems.push(`${r.rows} rows ${r.mode}: nothing decorated`);
      if ((r.config === 'plain' || r.config === 'empty') && r.decorated !== 0) problems.push(`${r.rows} rows ${r.mode}: plain Chromium shows ${r.decorated} decorations`);
      if (r.apiRequests !== 0) problems.push(`${r.rows} rows ${r.mode} ${r.config}: ${r.apiRequests} API requests during page load`);
    }
    console.log(report(results, traces, hoverTraces));
    if (problems.length) console.log(`\nPROBLEMS:\n${[...new Set(problems)].join('\n')}`);
    if (process.env.BENCH_JSON) await writeFile(process.env.BENCH_JSON, JSON.stringify({ rows: ROW_COUNTS, runs: RUNS, results, traces, hoverTraces }, null, 2));
    if (problems.length) process.exitCode = 1;
  } finally {
    await withExtension?.close();
    await plain?.close();
    await empty?.close();
    await before?.close();
    await sim.close();
  }
}

await main();
