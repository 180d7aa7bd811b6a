/** Runs axe-core in a page and returns its serious and critical violations, one readable line each. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** `include`: a CSS selector the check is limited to (axe follows open shadow roots inside it). */
export async function seriousViolations(page: Page, include?: string): Promise<string[]> {
  // page.evaluate runs through DevTools, which extension pages' CSP does not restrict.
  await page.evaluate(AXE_SOURCE);
  const violations = (await page.evaluate(async (selector) => {
    const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: unknown[] }> } }).axe;
    const result = await axe.run(selector ? { include: [selector] } : document, { resultTypes: ['violations'] });
    return result.violations;
  }, include)) as { id: string; impact: string; help: string; nodes: { target: unknown[]; failureSummary?: string }[] }[];
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.impact} ${v.id} (${v.help}) at ${JSON.stringify(n.target)}: ${n.failureSummary ?? ''}`));
}
