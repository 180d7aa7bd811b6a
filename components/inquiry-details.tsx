import type { ComponentChildren } from 'preact';
import { useId, useState } from 'preact/hooks';
import type { Inquiry, InquiryReply } from '../utils/coupang/inquiry';
import type { Locale, Translate } from '../utils/i18n/translate';
import { answerDeadline, isDeadlineUnknown, isDueSoon, type AnswerDeadline } from '../utils/inquiry/deadline';
import { categoryPath, normaliseLineBreaks, salePeriod } from '../utils/inquiry/fields';
import { formatDateTime, formatDuration, formatRelative } from '../utils/inquiry/format-time';
import { containsPhone, maskPhone, maskPhonesInText } from '../utils/inquiry/mask';
import { isCounsellorReply, isSellerReply, latestCounsellorNote, sortedReplies } from '../utils/inquiry/replies';
import {
  answerTypeKey,
  isCode,
  statusWords,
  transferReasonKey,
  transferStatusKey,
  wordFor,
} from '../utils/inquiry/status';
import { RelativeTime } from './relative-time';

export interface InquiryDetailsProps {
  inquiry: Inquiry;
  t: Translate;
  locale: Locale;
  /** The current time (epoch ms): the deadline and relative times count from it. */
  now: number;
  /** When the data was fetched, to show how old it is. */
  fetchedAt?: number;
  /** Tests pin it; the UI uses the runtime's (the user's) time zone. */
  timeZone?: string;
  /** The hover card: the latest counsellor note up front, replies collapsed. */
  compact?: boolean;
}

interface TimeContext {
  t: Translate;
  locale: Locale;
  now: number;
  timeZone?: string;
}

const JUST_NOW_MS = 60_000;

/** One inquiry, most useful first. The popup, the side panel and the hover card all render this. */
export function InquiryDetails({ inquiry, t, locale, now, fetchedAt, timeZone, compact = false }: InquiryDetailsProps) {
  // Reveal belongs to one inquiry: showing another one starts masked again.
  const [revealedFor, setRevealedFor] = useState<string | undefined>(undefined);
  const revealed = revealedFor === inquiry.inquiryId;
  const ctx: TimeContext = { t, locale, now, timeZone };

  const replies = sortedReplies(inquiry.replies);
  const deadline = answerDeadline(inquiry, now);
  const status = statusWords(inquiry, t);
  const latestNote = compact ? latestCounsellorNote(inquiry) : undefined;
  const buyerPhone = inquiry.buyerPhone?.trim() || undefined;
  const hasPhones =
    buyerPhone !== undefined ||
    [inquiry.content, ...replies.map((reply) => reply.content)].some((text) => text !== undefined && containsPhone(text));
  const showText = (text: string) => {
    const normalised = normaliseLineBreaks(text.trim());
    return revealed ? normalised : maskPhonesInText(normalised);
  };
  const none = t('details.none');
  const content = inquiry.content?.trim();

  const repliesList =
    replies.length === 0 ? (
      <p class="csl-empty">{t('details.noReplies')}</p>
    ) : (
      <ol class="csl-replies">
        {replies.map((reply, index) => (
          <Reply key={reply.answerId ?? `#${index}`} reply={reply} deadline={deadline} showText={showText} ctx={ctx} />
        ))}
      </ol>
    );

  return (
    <section
      class={compact ? 'csl-details csl-details--compact' : 'csl-details'}
      role="region"
      aria-label={t('details.region', { id: inquiry.inquiryId })}
    >
      <header class="csl-header">
        <span class="csl-id">
          <span class="csl-label">{t('details.inquiryId')}</span> <span class="csl-mono">{inquiry.inquiryId}</span>
        </span>
        {fetchedAt !== undefined && (
          <span class="csl-fetched csl-muted">
            {t('details.fetched', {
              time: Math.abs(now - fetchedAt) < JUST_NOW_MS ? t('time.justNow') : formatRelative(fetchedAt, now, locale),
            })}
          </span>
        )}
      </header>

      {deadline && <Deadline deadline={deadline} ctx={ctx} />}
      {isDeadlineUnknown(inquiry, now) && (
        <p class="csl-deadline csl-deadline--unknown">
          <strong>{t('details.deadline.unknown')}</strong>
        </p>
      )}

      <p class="csl-status">
        <span class="csl-label">{t('details.status')}</span>
        <span class={isCode(inquiry.inquiryStatus, 'complete') ? 'csl-badge csl-badge--ok' : 'csl-badge'}>
          {status.inquiry}
        </span>
        {status.answer !== undefined && (
          <span class={status.answerNeeded ? 'csl-badge csl-badge--alert' : 'csl-badge csl-badge--ok'}>
            {status.answer}
          </span>
        )}
      </p>

      <h2 class="csl-item">{inquiry.itemName?.trim() || none}</h2>
      <p class="csl-option-ids">
        <span class="csl-label">{t('details.options')}</span>{' '}
        <span class="csl-mono">{inquiry.vendorItemIds.length > 0 ? inquiry.vendorItemIds.join(', ') : none}</span>
      </p>

      {latestNote && (
        <div class="csl-section csl-note">
          <h3 class="csl-heading">{t('details.latestNote')}</h3>
          <Reply reply={latestNote} deadline={deadline} showText={showText} ctx={ctx} as="div" />
        </div>
      )}

      <div class="csl-section">
        <h3 class="csl-heading">{t('details.content')}</h3>
        {content ? <p class="csl-text">{showText(content)}</p> : <p class="csl-empty">{t('details.noContent')}</p>}
      </div>

      {compact && replies.length > 0 ? (
        <Collapsed heading={t('details.replies', { count: replies.length })}>{repliesList}</Collapsed>
      ) : (
        <div class="csl-section">
          <h3 class="csl-heading">{t('details.replies', { count: replies.length })}</h3>
          {repliesList}
        </div>
      )}

      <dl class="csl-facts">
        <Fact label={t('details.inquiryAt')}>{dateOrNone(inquiry.inquiryAt, ctx)}</Fact>
        <Fact label={t('details.answeredAt')}>{dateOrNone(inquiry.answeredAt, ctx)}</Fact>
        <Fact label={t('details.orderDate')}>{dateOrNone(inquiry.orderDate, ctx)}</Fact>
        <Fact label={t('details.orderId')}>
          <span class="csl-mono">{inquiry.orderId ?? none}</span>
        </Fact>
        <Fact label={t('details.category')}>{categoryPath(inquiry.receiptCategory) ?? none}</Fact>
        <Fact label={t('details.salePeriod')}>{salePeriod(inquiry.saleStartedAt, inquiry.saleEndedAt, t) ?? none}</Fact>
        <Fact label={t('details.phone')}>
          <span class="csl-mono">{buyerPhone === undefined ? none : revealed ? buyerPhone : maskPhone(buyerPhone)}</span>
          {hasPhones && (
            <button
              type="button"
              class="csl-toggle"
              aria-pressed={revealed ? 'true' : 'false'}
              onClick={() => setRevealedFor(revealed ? undefined : inquiry.inquiryId)}
            >
              {revealed ? t('details.phone.hide') : t('details.phone.reveal')}
            </button>
          )}
        </Fact>
      </dl>
    </section>
  );
}

function Deadline({ deadline, ctx }: { deadline: AnswerDeadline; ctx: TimeContext }) {
  const time = formatDuration(deadline.msLeft, ctx.locale);
  const urgency = deadline.overdue ? ' csl-deadline--overdue' : isDueSoon(deadline) ? ' csl-deadline--soon' : '';
  return (
    <p class={`csl-deadline${urgency}`}>
      <strong>{ctx.t(deadline.overdue ? 'details.deadline.overdue' : 'details.deadline.left', { time })}</strong>
      <span class="csl-muted">
        {' · '}
        {ctx.t('details.deadline.due', { time: formatDateTime(deadline.dueAt, ctx.locale, ctx.timeZone) })}
      </span>
    </p>
  );
}

interface ReplyProps {
  reply: InquiryReply;
  deadline: AnswerDeadline | undefined;
  showText: (text: string) => string;
  ctx: TimeContext;
  as?: 'li' | 'div';
}

function Reply({ reply, deadline, showText, ctx, as: Tag = 'li' }: ReplyProps) {
  const { t } = ctx;
  const author = isCounsellorReply(reply) ? 'counsellor' : isSellerReply(reply) ? 'seller' : 'other';
  const name = reply.receptionistName?.trim() || reply.receptionist?.trim();
  const content = reply.content?.trim();
  // The note the running deadline counts from is the one to act on; older requests are history.
  const openRequest = deadline !== undefined && reply.replyAt === deadline.fromReplyAt;
  const transfer = isCode(reply.partnerTransferStatus, 'none')
    ? undefined
    : wordFor(reply.partnerTransferStatus, transferStatusKey, t);
  const reason = isCode(reply.partnerTransferCompleteReason, 'none')
    ? undefined
    : wordFor(reply.partnerTransferCompleteReason, transferReasonKey, t);

  return (
    <Tag class={`csl-reply csl-reply--${author}`}>
      <p class="csl-reply-head">
        <span class="csl-reply-author">{t(answerTypeKey(reply.answerType))}</span>
        {name && <span class="csl-reply-name">{name}</span>}
        {reply.replyAt !== undefined && (
          <RelativeTime at={reply.replyAt} now={ctx.now} locale={ctx.locale} timeZone={ctx.timeZone} />
        )}
        {reply.needAnswer === true && (
          <span class={openRequest ? 'csl-badge csl-badge--alert' : 'csl-badge'}>{t('details.reply.needAnswer')}</span>
        )}
      </p>
      {content && <p class="csl-text">{showText(content)}</p>}
      {(transfer || reason) && (
        <p class="csl-reply-transfer csl-muted">
          {[transfer && `${t('details.transfer')}: ${transfer}`, reason && `${t('details.reason')}: ${reason}`]
            .filter(Boolean)
            .join(' · ')}
        </p>
      )}
    </Tag>
  );
}

function Fact({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div class="csl-row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function dateOrNone(epochMs: number | undefined, ctx: TimeContext) {
  return epochMs === undefined ? (
    ctx.t('details.none')
  ) : (
    <RelativeTime at={epochMs} now={ctx.now} locale={ctx.locale} timeZone={ctx.timeZone} />
  );
}

/**
 * A section shown by its heading's button (aria-expanded), its content rendered only once opened. Not
 * `<details>`: inserting one made Chromium recompute style across the whole document, 6 ms per card on a
 * 5,000-row Wing list against 0.1 ms for the same card without it (docs/performance.md#what-the-trace-found).
 */
function Collapsed({ heading, children }: { heading: string; children: ComponentChildren }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <div class="csl-section">
      <h3 class="csl-heading">
        <button type="button" class="csl-disclosure" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)}>
          {heading}
        </button>
      </h3>
      <div id={id} hidden={!open}>
        {open && children}
      </div>
    </div>
  );
}
