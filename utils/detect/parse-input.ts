/** The inquiry ID in text a seller typed or pasted into the popup or side panel. */
import { isInquiryId } from '@/utils/coupang/inquiry-id';
import { normaliseDigits, standaloneDigitRuns, isStandalone } from './digit-runs';
import { INQUIRY_ID_LABEL, labelPatterns } from './labels';

export type ParsedInquiryInput =
  | { ok: true; id: string }
  | { ok: false; reason: 'empty' | 'no-id' | 'ambiguous' | 'too-long'; candidates?: string[] };

const MAX_ID_DIGITS = 20;
/** Shorter runs in running text are counts, dates and amounts far more often than inquiry IDs. */
const MIN_UNLABELLED_DIGITS = 6;
/** Zero-width characters ride along when text is copied from web pages, even between digits. */
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF]/g;
const URL_PARAMETER = /(?:^|[?&#;\s])(?:inquiryId|counselingId)=([^&#;\s]*)/gi;
const LABELLED = labelPatterns(INQUIRY_ID_LABEL, '\\d+').withValue;

/**
 * The ID a text names. Priority: an `inquiryId=` / `counselingId=` URL parameter, then a number after a
 * label (상담번호 / 문의번호 / Inquiry ID / counselingId), then the only standalone run of 6–20 digits.
 * The first rule that finds a number decides, so an invalid labelled number never falls back to an order
 * number elsewhere in the text. A bare number (the whole text) may have any length up to 20.
 */
export function parseInquiryInput(text: string): ParsedInquiryInput {
  const normalised = normaliseDigits(text.replace(INVISIBLE, '')).trim();
  if (normalised === '') return { ok: false, reason: 'empty' };
  if (/^\d+$/.test(normalised)) return decide([normalised]);

  const fromUrl = [...normalised.matchAll(URL_PARAMETER)].map((m) => m[1] ?? '').filter((v) => /^\d+$/.test(v));
  if (fromUrl.length > 0) return decide(fromUrl);

  const labelled = labelledNumbers(normalised);
  if (labelled.length > 0) return decide(labelled);

  const runs = standaloneDigitRuns(normalised).filter((run) => run.digits.length >= MIN_UNLABELLED_DIGITS);
  return decide(runs.map((run) => run.digits));
}

function labelledNumbers(text: string): string[] {
  const numbers: string[] = [];
  for (const match of text.matchAll(LABELLED)) {
    const digits = match[1] ?? '';
    const end = match.index + match[0].length;
    if (isStandalone(text, end - digits.length, end)) numbers.push(digits);
  }
  return numbers;
}

function decide(numbers: string[]): ParsedInquiryInput {
  const distinct = [...new Set(numbers)];
  const valid = distinct.filter(isInquiryId);
  const [only] = valid;
  if (only !== undefined && valid.length === 1) return { ok: true, id: only };
  if (valid.length > 1) return { ok: false, reason: 'ambiguous', candidates: valid };
  if (distinct.some((n) => n.length > MAX_ID_DIGITS)) return { ok: false, reason: 'too-long' };
  return { ok: false, reason: 'no-id' };
}
