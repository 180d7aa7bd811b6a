import type { Inquiry } from '../coupang/inquiry';
import type { Locale, Translate } from '../i18n/translate';
import { answerDeadline, isDeadlineUnknown } from './deadline';
import { categoryPath, normaliseLineBreaks } from './fields';
import { formatDateTime, formatDuration } from './format-time';
import { maskPhone, maskPhonesInText } from './mask';
import { latestCounsellorNote } from './replies';
import { statusWords } from './status';

/** Multi-line text as it goes to the clipboard: phones stay masked, whatever the view shows. */
function block(text: string | undefined): string | undefined {
  const trimmed = text?.trim();
  return trimmed ? maskPhonesInText(normaliseLineBreaks(trimmed)) : undefined;
}

/**
 * The inquiry as plain text for "copy summary": ID, status, deadline, item, key facts, the latest
 * counsellor note and the inquiry text. Missing fields are left out. Phone numbers are always masked.
 */
export function plainTextSummary(inquiry: Inquiry, t: Translate, locale: Locale, now: number, timeZone?: string): string {
  const when = (epochMs: number) => formatDateTime(epochMs, locale, timeZone);
  const line = (label: string, value: string | undefined) => (value ? `${label}: ${value}` : undefined);

  const status = statusWords(inquiry, t);
  const deadline = answerDeadline(inquiry, now);
  const deadlineText = deadline
    ? `${t(deadline.overdue ? 'details.deadline.overdue' : 'details.deadline.left', {
        time: formatDuration(deadline.msLeft, locale),
      })} (${t('details.deadline.due', { time: when(deadline.dueAt) })})`
    : isDeadlineUnknown(inquiry, now)
      ? t('details.deadline.unknown')
      : undefined;

  const note = latestCounsellorNote(inquiry);
  const noteText = block(note?.content);
  const noteHeading = [note?.receptionistName?.trim(), note?.replyAt === undefined ? undefined : when(note.replyAt)]
    .filter(Boolean)
    .join(', ');
  const contentText = block(inquiry.content);

  const facts = [
    line(t('details.inquiryId'), inquiry.inquiryId),
    line(t('details.status'), [status.inquiry, status.answer].filter(Boolean).join(' · ')),
    line(t('details.deadline'), deadlineText),
    line(t('details.item'), inquiry.itemName?.trim()),
    line(t('details.options'), inquiry.vendorItemIds.join(', ')),
    line(t('details.orderId'), inquiry.orderId),
    line(t('details.inquiryAt'), inquiry.inquiryAt === undefined ? undefined : when(inquiry.inquiryAt)),
    line(t('details.orderDate'), inquiry.orderDate === undefined ? undefined : when(inquiry.orderDate)),
    line(t('details.category'), categoryPath(inquiry.receiptCategory)),
    line(t('details.phone'), inquiry.buyerPhone?.trim() ? maskPhone(inquiry.buyerPhone.trim()) : undefined),
  ].filter((fact): fact is string => fact !== undefined);

  const sections = [facts.join('\n')];
  if (noteText) sections.push(`${t('details.latestNote')}${noteHeading ? ` (${noteHeading})` : ''}:\n${noteText}`);
  if (contentText) sections.push(`${t('details.content')}:\n${contentText}`);
  return sections.join('\n\n');
}
