import { answerableInquiry, type GatewaySim } from '../e2e/support/gateway-sim';

/** The item name of the inquiry the hovered rows answer with: its card shows it once the inquiry arrived. */
export const BENCH_ITEM = '유기농 현미';

/** The 상담번호 of row `index` (0-based) on tests/fixtures/wing-e2e/bench/rows.html. */
export const benchRowId = (index: number): string => String(1100000000 + index * 7);

/**
 * The rows a bench hovers (the last and the one above it, for every row count) answer with a real inquiry
 * awaiting the seller's answer, asked an hour ago: the card a seller opens, with its details, deadline and
 * Answer button, rather than a not-found card. Everything else on the list is unknown to the simulator.
 */
export function seedHoveredRows(sim: GatewaySim, rowCounts: readonly number[]): void {
  const now = Date.now();
  for (const rows of rowCounts) {
    for (const index of [rows - 1, rows - 2]) sim.setInquiry(benchRowId(index), answerableInquiry(benchRowId(index), now));
  }
}
