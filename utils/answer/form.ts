/**
 * The counsellor's note usually ends with a form for the seller:
 * `[판매자님 회신요청] 1. 요청사항 이행 가능여부: 2. 불가시 불가능한 사유 : …`.
 * These are its numbered items, one line each with the label kept and what follows the colon dropped,
 * so the seller only fills in the blanks. No marker, or no numbered items after it: no lines.
 */
const MARKER = /\[\s*판매자님?\s*회신\s*요청\s*\]/u;

export function formLinesFromNote(note: string | undefined): string[] {
  if (!note) return [];
  const match = MARKER.exec(note);
  if (!match) return [];
  const rest = note.slice(match.index + match[0].length).replace(/\r\n?/g, '\n');
  // Items start at "N." (or "N)") at the start, after whitespace or a line break.
  const parts = rest.split(/(?:^|\s)(?=\d{1,2}[.)]\s*\S)/u).map((part) => part.trim()).filter(Boolean);
  const lines: string[] = [];
  for (const part of parts) {
    if (!/^\d{1,2}[.)]/u.test(part)) continue;
    const oneLine = part.replace(/\s+/gu, ' ');
    const colon = oneLine.search(/[:：]/u);
    lines.push(colon === -1 ? `${oneLine}: ` : `${oneLine.slice(0, colon).trimEnd()}: `);
  }
  return lines;
}

/** The answer started from the form: one line per item. */
export function answerFromForm(note: string | undefined): string {
  return formLinesFromNote(note).map((line) => line.trimEnd() + ' ').join('\n');
}
