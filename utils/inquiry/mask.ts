/**
 * Buyer phone numbers are personal data (docs/coupang-api.md#fields): shown masked unless the seller asks.
 * Masking keeps the number's shape, its country code or Korean area/mobile prefix, and its last group
 * (3–4 digits), so a seller can still match it against what a buyer says.
 */

const MASK = '*';
/** Calling codes buyers of Coupang (Korea, Taiwan) and their neighbours use; longest first. */
const COUNTRY_CODES = ['886', '852', '853', '82', '81', '86', '84', '66', '65', '63', '62', '61', '60', '44', '49', '33', '1'];
/** Korean mobile, Seoul, regional, internet-phone and safe-number (050x) prefixes. */
const KOREAN_PREFIX = /^(?:01[016789]|02|0[3-6][1-5]|070|050\d)/;
/** Always leave at least this many digits masked. */
const MIN_MASKED = 3;
/** A number this short could be anything: mask every digit. */
const MIN_DIGITS_TO_KEEP_ANY = 7;

/** A digit or an already-masked digit. */
const isSlot = (char: string): boolean => (char >= '0' && char <= '9') || char === MASK;

function leadingDigitsToKeep(phone: string, runs: string[]): number {
  const first = runs[0] ?? '';
  if (phone.trimStart().startsWith('+')) {
    if (runs.length > 1 && first.length <= 3) return first.length;
    return COUNTRY_CODES.find((code) => first.startsWith(code))?.length ?? 0;
  }
  return KOREAN_PREFIX.exec(first)?.[0].length ?? 0;
}

function trailingDigitsToKeep(runs: string[]): number {
  const last = runs.at(-1) ?? '';
  return runs.length > 1 && last.length >= 3 && last.length <= 4 ? last.length : 4;
}

/** `010-1234-5678` → `010-****-5678`; `+886 912 345 678` → `+886 *** *** 678`; `+1(555)444-1234` → `+1(***)***-1234`. */
export function maskPhone(phone: string): string {
  const chars = [...phone];
  const runs = phone.split(/[^0-9*]+/).filter(Boolean);
  const slots = runs.reduce((sum, run) => sum + run.length, 0);
  if (slots === 0) return phone;

  let lead = 0;
  let tail = 0;
  if (slots >= MIN_DIGITS_TO_KEEP_ANY) {
    lead = leadingDigitsToKeep(phone, runs);
    tail = trailingDigitsToKeep(runs);
    if (slots - lead - tail < MIN_MASKED) lead = 0;
  }

  let slot = 0;
  return chars
    .map((char) => {
      if (!isSlot(char)) return char;
      const index = slot++;
      return index >= lead && index < slots - tail ? MASK : char;
    })
    .join('');
}

const SEP = '[-.\\s]?';
const PHONE_PATTERNS = [
  // Any number written with a calling code (+82, +886, +1 …): every group that follows belongs to it.
  `\\+\\d{1,3}(?:${SEP}\\(?\\d{1,5}\\)?){1,5}`,
  // Korean mobile.
  `01[016789]${SEP}\\d{3,4}${SEP}\\d{4}`,
  // Korean landline, internet phone and 050x safe numbers, area code optionally in parentheses.
  `\\(?(?:02|0[3-6][1-5]|070|050\\d)\\)?${SEP}\\d{3,4}${SEP}\\d{4}`,
  // Taiwanese mobile.
  `09\\d{2}${SEP}\\d{3}${SEP}\\d{3}`,
];
/** Not inside a longer digit run, so order numbers and option IDs are left alone. */
const PHONE_IN_TEXT = new RegExp(`(?<![\\d+])(?:${PHONE_PATTERNS.join('|')})(?!\\d)`, 'g');

/** Fewer digits than this after a `+` is an amount or a count ("+1000원"), not a phone number. */
const MIN_PHONE_DIGITS = 8;

/** Masks every phone-shaped run in free text (reply content can hold the buyer's number). */
export function maskPhonesInText(text: string): string {
  return text.replace(PHONE_IN_TEXT, (match) =>
    match.replace(/\D/g, '').length >= MIN_PHONE_DIGITS ? maskPhone(match) : match,
  );
}

/** True when the text holds something maskPhonesInText would mask. */
export function containsPhone(text: string): boolean {
  return maskPhonesInText(text) !== text;
}
