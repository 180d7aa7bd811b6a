/**
 * The column headings and labels a seller adds in Settings when Wing renames its own (docs/detection.md#seller-labels).
 * Zod-free: the content script reads them too, and drops whatever this check would refuse.
 */
import { compactLabel, isInquiryIdLabel } from './labels';

export const MAX_EXTRA_LABELS = 20;
export const MAX_LABEL_LENGTH = 40;
/** Shorter than this (letters and digits) would match almost any heading. */
const MIN_LABEL_LETTERS = 2;

/** Why one entry cannot be saved. */
export type LabelProblem = 'too-long' | 'no-letters' | 'too-short' | 'too-many';

export interface ExtraLabelsCheck {
  /** What can be saved: trimmed, in the seller's order, without empties, repeats and built-in labels. */
  labels: string[];
  /** Entries that cannot be saved, each with its reason; nothing should be saved while there are any. */
  problems: { entry: string; problem: LabelProblem }[];
  /** Entries left out because the list already has them (a built-in label, or a line given twice). */
  skipped: string[];
}

/** Checks the seller's entries (one per line in Settings). */
export function checkExtraLabels(entries: readonly string[]): ExtraLabelsCheck {
  const labels: string[] = [];
  const problems: ExtraLabelsCheck['problems'] = [];
  const skipped: string[] = [];
  const seen = new Set<string>();
  for (const raw of entries) {
    const entry = raw.trim();
    if (entry === '') continue;
    const compact = compactLabel(entry);
    const problem = problemOf(entry, compact);
    if (problem) problems.push({ entry, problem });
    else if (isInquiryIdLabel(entry) || seen.has(compact)) skipped.push(entry);
    else if (labels.length === MAX_EXTRA_LABELS) problems.push({ entry, problem: 'too-many' });
    else {
      seen.add(compact);
      labels.push(entry);
    }
  }
  return { labels, problems, skipped };
}

function problemOf(entry: string, compact: string): LabelProblem | undefined {
  if (entry.length > MAX_LABEL_LENGTH) return 'too-long';
  // Digits or punctuation alone would make numbers or signs mark inquiry IDs.
  if (!/\p{L}/u.test(compact)) return 'no-letters';
  if (compact.length < MIN_LABEL_LETTERS) return 'too-short';
  return undefined;
}

/** The labels a stored value holds (the content script's read: anything malformed is left out). */
export function extraLabelsFrom(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return checkExtraLabels(value.filter((entry): entry is string => typeof entry === 'string')).labels;
}
