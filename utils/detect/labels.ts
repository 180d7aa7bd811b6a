/** The words that name a call-center inquiry ID on Wing and in Coupang's API, as text patterns. */

/**
 * 상담번호 is the API's name for the ID (older field name counselingId); 문의번호 and Inquiry ID are what
 * a page may print instead. Regex source, matched case-insensitively.
 */
export const INQUIRY_ID_LABEL = '상담번호|문의번호|inquiry[ _-]?id|counseling[ _-]?id';

/** The label must not be the tail of a longer word: 상품문의번호 numbers product Q&A, not call-center inquiries. */
const NOT_AFTER_WORD = '(?<![\\p{L}\\p{N}_])';

/** Between a label and its value: spaces, and at most one `:` or `#`. */
const SEPARATOR = '\\s*[:#]?\\s*';

/** INQUIRY_ID_LABEL's words as the options page shows them (read-only, next to the seller's own). */
export const BUILT_IN_LABELS: readonly string[] = ['상담번호', '문의번호', 'Inquiry ID', 'Counseling ID'];

/** A label's letters and digits only, lower case: how headings are compared, so `*상담 번호 ▲` is 상담번호. */
export function compactLabel(text: string): string {
  return text.replace(/[^\p{L}\p{N}]+/gu, '').toLowerCase();
}

const INQUIRY_ID_LABEL_WORDS: ReadonlySet<string> = new Set(BUILT_IN_LABELS.map(compactLabel));

/**
 * A text that is exactly one label, e.g. a header cell or a `<dt>`. Compared on letters and digits only,
 * lower case, so `Inquiry ID ▲`, `*상담 번호` and `inquiryId` all name the ID.
 */
export function isInquiryIdLabel(text: string): boolean {
  return INQUIRY_ID_LABEL_WORDS.has(compactLabel(text));
}

/**
 * The labels that mark inquiry IDs: the built-in ones plus those the seller added in Settings (Wing renamed
 * a column; docs/detection.md#seller-labels). `extra` must already be checked (extra-labels.ts).
 */
export interface InquiryIdLabels {
  /** A text that is exactly one label (a header cell): compared like isInquiryIdLabel. */
  isLabel: (text: string) => boolean;
  /** `label number` forms of every label, compiled once. */
  patterns: LabelPatterns;
}

export function inquiryIdLabels(extra: readonly string[] = []): InquiryIdLabels {
  const words = new Set([...INQUIRY_ID_LABEL_WORDS, ...extra.map(compactLabel)]);
  return {
    isLabel: extra.length === 0 ? isInquiryIdLabel : (text) => words.has(compactLabel(text)),
    patterns: labelPatterns([INQUIRY_ID_LABEL, ...extra.map(labelSource)].join('|'), '\\d+'),
  };
}

/**
 * A seller's label as a pattern: its words (letters and digits) in order, with at most a few spaces or
 * punctuation marks between them, and an optional final `.` (`Receipt No.`), matched case-insensitively.
 */
function labelSource(label: string): string {
  const words = label.match(/[\p{L}\p{N}]+/gu) ?? [];
  return `${words.join('[^\\p{L}\\p{N}]{0,3}')}\\.?`;
}

/** The patterns that find `label value` in text, compiled once per kind of label. */
export interface LabelPatterns {
  /** Cheap first test: does the text mention the label at all? */
  mentions: RegExp;
  /** Label, separator and value in one text; group 1 is the value. Global. */
  withValue: RegExp;
  /** Text that ends with the label (and separator): the value follows in the next element. */
  endsWithLabel: RegExp;
  /** Text that is nothing but the label (and separator): a label element such as `<dt>` or `<th>`. */
  onlyLabel: RegExp;
  /** Text that starts with the value (after an optional separator); group 1 is the value. */
  startsWithValue: RegExp;
}

/** `label` and `value` are regex sources; `value` must not contain capturing groups. */
export function labelPatterns(label: string, value: string): LabelPatterns {
  return {
    mentions: new RegExp(`(?:${label})`, 'iu'),
    withValue: new RegExp(`${NOT_AFTER_WORD}(?:${label})${SEPARATOR}(${value})`, 'giu'),
    endsWithLabel: new RegExp(`${NOT_AFTER_WORD}(?:${label})${SEPARATOR}$`, 'iu'),
    onlyLabel: new RegExp(`^\\s*(?:${label})${SEPARATOR}$`, 'iu'),
    startsWithValue: new RegExp(`^\\s*[:#]?\\s*(${value})`, 'iu'),
  };
}
