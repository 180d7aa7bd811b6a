import { useEffect, useRef, useState } from 'preact/hooks';
import type { Result } from '../utils/coupang/error-kinds';
import type { Inquiry } from '../utils/coupang/inquiry';
import { answerability, confirmability, type Answerability } from '../utils/answer/eligibility';
import { answerFromForm } from '../utils/answer/form';
import { fillPlaceholders } from '../utils/answer/placeholders';
import type { AnswerPrefs } from '../utils/answer-view/answer-prefs';
import type { Locale, Translate } from '../utils/i18n/translate';
import { formatDateTime } from '../utils/inquiry/format-time';
import type { WriteValue } from '../utils/messaging';
import { AnswerEntry, AnswerForm, type AnswerError, type NotAnswerableReason } from './answer-form';

/** Wing's call-center list, where the seller answers what the extension can't answer safely. */
export const WING_CALL_CENTER_URL = 'https://wing.coupang.com/tenants/cs/csinquiry';

/**
 * What a surface gives the answer view: the `answer`, `confirm` and draft messages of utils/messaging.ts
 * (the view itself makes no browser calls), and where the Wing user ID is remembered.
 */
export interface AnswerService {
  /** The kept draft, or '' (none, or it could not be read). */
  getDraft(id: string): Promise<string>;
  saveDraft(id: string, text: string): void;
  discardDraft(id: string): void;
  answer(id: string, content: string, replyBy: string, parentAnswerId: string): Promise<Result<WriteValue, AnswerError>>;
  confirm(id: string, confirmBy: string): Promise<Result<WriteValue, AnswerError>>;
  setWingUserId(wingUserId: string): void;
}

export interface AnswerPanelProps {
  t: Translate;
  locale: Locale;
  inquiry: Inquiry;
  /** Coupang's now (epoch ms): answerability and the deadline count from it. */
  now: number;
  timeZone?: string;
  service: AnswerService;
  prefs: AnswerPrefs;
  /** Coupang paused this store until then (epoch ms): Send waits, the draft stays. */
  pausedUntil?: number;
  /** The form opened (true) or closed (false): the hover card pins itself while it is open. */
  onOpenChange?: (open: boolean) => void;
  /** A write went through: the surface shows the inquiry as `value.after` says (or reads it again). */
  onSent?: (value: WriteValue) => void;
  trusted?: (event: Event) => boolean;
  draftDelayMs?: number;
}

type Open = { mode: 'answer' | 'confirm'; draft: string; parentAnswerId?: string };

function whyNot(result: Exclude<Answerability, { ok: true }>): NotAnswerableReason {
  switch (result.reason) {
    case 'answered':
    case 'already-replied':
      return 'answered';
    case 'closed':
      return 'closed';
    case 'past-deadline':
      return 'past-deadline';
    default:
      return 'parent-unsafe';
  }
}

/**
 * The answer view for one inquiry as every surface shows it (docs/answering.md#the-answer-view): Answer
 * (or Confirm transfer) when the core says it is possible, else why not; the form with the kept draft.
 */
export function AnswerPanel(props: AnswerPanelProps) {
  const { t, inquiry, now, service } = props;
  const trusted = props.trusted ?? ((event: Event) => event.isTrusted);
  const [open, setOpen] = useState<Open | undefined>(undefined);
  const opening = useRef(false);
  const root = useRef<HTMLDivElement>(null);
  const id = inquiry.inquiryId;

  // Another inquiry in the same surface starts closed; its own draft is read when its form opens.
  const shownId = useRef(id);
  useEffect(() => {
    if (shownId.current === id) return;
    shownId.current = id;
    if (open) close(false);
  }, [id]);

  const canAnswer = answerability(inquiry, now);
  const canConfirm = canAnswer.ok ? undefined : confirmability(inquiry, now);
  const dueAt = canAnswer.ok ? canAnswer.dueAt : canConfirm?.ok ? canConfirm.dueAt : undefined;

  async function openForm(mode: Open['mode']) {
    if (opening.current || open) return;
    opening.current = true;
    const parentAnswerId = canAnswer.ok ? canAnswer.parentAnswerId : undefined;
    const draft = mode === 'answer' ? await service.getDraft(id) : '';
    opening.current = false;
    if (shownId.current !== id) return;
    setOpen({ mode, draft, parentAnswerId });
    props.onOpenChange?.(true);
  }

  function close(focusEntry = true) {
    setOpen(undefined);
    props.onOpenChange?.(false);
    // Focus goes back to the button that opened the form.
    if (focusEntry) queueMicrotask(() => root.current?.querySelector<HTMLElement>('.answer-open')?.focus());
  }

  if (open) {
    const request = inquiry.replies.find((reply) => reply.answerId !== undefined && reply.answerId === open.parentAnswerId);
    const values = { itemName: inquiry.itemName, inquiryId: id };
    return (
      <div class="answer-panel" ref={root}>
        <AnswerForm
          t={t}
          inquiryId={id}
          mode={open.mode}
          deadline={dueAt === undefined ? undefined : formatDateTime(dueAt, props.locale, props.timeZone)}
          initialText={open.draft}
          wingUserId={props.prefs.wingUserId}
          onWingUserId={(user) => service.setWingUserId(user)}
          onDraft={(text) => service.saveDraft(id, text)}
          onDiscard={() => service.discardDraft(id)}
          onClose={() => close()}
          send={(text, user) => {
            if (open.mode === 'confirm') return service.confirm(id, user);
            // Answer shows only with a parent chosen by the core; without one nothing is sent.
            if (!open.parentAnswerId) return Promise.resolve({ ok: false as const, error: { kind: 'extension-error' as const } });
            return service.answer(id, text, user, open.parentAnswerId);
          }}
          onSent={props.onSent}
          pausedUntil={props.pausedUntil}
          trusted={trusted}
          draftDelayMs={props.draftDelayMs}
          formStart={open.mode === 'answer' ? answerFromForm(request?.content) || undefined : undefined}
          saved={props.prefs.savedAnswers.map((text) => fillPlaceholders(text, values))}
        />
      </div>
    );
  }

  if (!canAnswer.ok && canConfirm?.ok) {
    return (
      <div class="answer-panel" ref={root}>
        <button
          type="button"
          class="answer-open csl-hc-button csl-hc-button--primary"
          onClick={(event) => {
            if (trusted(event)) void openForm('confirm');
          }}
        >
          {t('answer.confirmSend')}
        </button>
      </div>
    );
  }
  return (
    <div class="answer-panel" ref={root}>
      <AnswerEntry
        t={t}
        reason={canAnswer.ok ? null : whyNot(canAnswer)}
        onAnswer={() => void openForm('answer')}
        wingUrl={WING_CALL_CENTER_URL}
        trusted={trusted}
      />
    </div>
  );
}
