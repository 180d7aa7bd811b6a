import { useEffect, useRef, useState } from 'preact/hooks';
import type { LookupError, Result } from '../utils/coupang/error-kinds';
import type { MessageKey } from '../utils/i18n/en';
import type { Translate } from '../utils/i18n/translate';
import type { WriteValue } from '../utils/messaging';
import { ANSWER_MAX_CHARS, checkAnswerText, countAnswerChars, normaliseAnswerText } from '../utils/answer/text';

/** Refused before anything is sent: the core's text reasons (utils/answer/text.ts), or no Wing user ID. */
type AnswerInputProblem = 'empty' | 'too-short' | 'too-long' | 'noWingUser';

/**
 * A failed write as the view reads it. `outcomeUnknown`: Coupang did not confirm (timeout, 5xx after the
 * body was sent); `readBackFound`: what reading the inquiry back afterwards showed, when that read worked.
 */
export type AnswerError = LookupError & { outcomeUnknown?: boolean; readBackFound?: boolean };

export interface AnswerFormProps {
  t: Translate;
  inquiryId: string;
  /** The reply deadline, already formatted for this locale; kept in view while the seller writes. */
  deadline?: string;
  /** The draft read with get-draft when the form opened. */
  initialText: string;
  /** Remembered Wing user ID; empty the first time, then the form asks for it. */
  wingUserId: string;
  onWingUserId: (id: string) => void;
  /** save-draft, called debounced as the seller types. */
  onDraft: (text: string) => void;
  onDiscard: () => void;
  onClose: () => void;
  /**
   * answer (or confirm, with `mode="confirm"`): called once per Send to Coupang press with exactly the text
   * the review showed (line breaks normalised to \n, nothing else changed).
   */
  send: (text: string, replyBy: string) => Promise<Result<WriteValue, AnswerError>>;
  /** The write went through (or was answered locally for a sample): the surface shows the inquiry answered. */
  onSent?: (value: WriteValue) => void;
  mode?: 'answer' | 'confirm';
  /** The store is paused until then (epoch ms): Send is disabled, the draft stays. */
  pausedUntil?: number;
  now?: () => number;
  draftDelayMs?: number;
  /**
   * Which events count as the seller's own input: `event.isTrusted` in the extension. Only the component's
   * parent (extension code) can pass another rule, which unit tests use because happy-dom's events are untrusted.
   */
  trusted?: (event: Event) => boolean;
  /** The counsellor's form lines (utils/answer/), offered as the answer's start when the box is empty. */
  formStart?: string;
  /** Saved answers from Settings, placeholders already filled: Alt+S lists them, a digit 1–9 inserts one. */
  saved?: readonly string[];
}

type Step =
  | { kind: 'edit' }
  | { kind: 'review' }
  | { kind: 'sending' }
  | { kind: 'sent'; sample: boolean }
  | { kind: 'failed'; error: AnswerError };

/** The card's own button classes (components/hover-card.css); pages without that sheet style buttons their way. */
const BUTTON = 'csl-hc-button';
const PRIMARY = 'csl-hc-button csl-hc-button--primary';

const PROBLEM_KEY = {
  empty: 'answer.problem.empty',
  'too-short': 'answer.problem.tooShort',
  'too-long': 'answer.problem.tooLong',
  noWingUser: 'answer.problem.noWingUser',
} as const satisfies Record<AnswerInputProblem, string>;

/**
 * The answer view shared by the hover card, the popup and the side panel (issue 17): write, review exactly
 * what is sent, send once. Nothing reaches Coupang before Send to Coupang; the draft is kept until sent or
 * discarded. Key events that start in the form stop at its root, so Wing's own handlers never see them.
 */
export function AnswerForm(props: AnswerFormProps) {
  const { t, inquiryId, mode = 'answer' } = props;
  const trusted = props.trusted ?? ((event: Event) => event.isTrusted);
  const gate =
    <E extends Event>(action: (event: E) => void) =>
    (event: E) => {
      if (trusted(event)) action(event);
    };
  const [text, setText] = useState(props.initialText);
  const [user, setUser] = useState(props.wingUserId);
  const [problem, setProblem] = useState<AnswerInputProblem | null>(null);
  const [step, setStep] = useState<Step>({ kind: 'edit' });
  const [listing, setListing] = useState(false);
  const sendingRef = useRef(false);
  const boxRef = useRef<HTMLTextAreaElement>(null);
  const draftTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  /** The text typed since the last save-draft, if any: saved at once when the form goes away. */
  const unsaved = useRef<string | undefined>(undefined);
  const onDraftRef = useRef(props.onDraft);
  onDraftRef.current = props.onDraft;
  const now = props.now ?? Date.now;
  const paused = props.pausedUntil !== undefined && props.pausedUntil > now();
  const askUser = props.wingUserId.trim() === '';

  useEffect(() => {
    if (step.kind === 'edit') boxRef.current?.focus();
  }, [step.kind]);
  // Closing the card or the form, Escape, the pointer leaving or a Wing page change unmount the form: what
  // was typed since the last save is saved now, not dropped with the timer (docs/answering.md#drafts).
  useEffect(
    () => () => {
      clearTimeout(draftTimer.current);
      if (unsaved.current !== undefined) onDraftRef.current(unsaved.current);
      unsaved.current = undefined;
    },
    [],
  );
  const [, setTick] = useState(0);
  useEffect(() => {
    if (!paused || step.kind !== 'review') return;
    // The countdown moves while the review waits; Send comes back when the pause ends.
    const timer = setInterval(() => setTick((n) => n + 1), 1_000);
    return () => clearInterval(timer);
  }, [paused, step.kind]);

  const saveDraftNow = (value: string) => {
    clearTimeout(draftTimer.current);
    unsaved.current = undefined;
    props.onDraft(value);
  };

  const onInput = (value: string) => {
    setText(value);
    setProblem(null);
    clearTimeout(draftTimer.current);
    unsaved.current = value;
    draftTimer.current = setTimeout(() => saveDraftNow(value), props.draftDelayMs ?? 500);
  };

  const review = gate(() => {
    const checked = mode === 'answer' ? checkAnswerText(text) : undefined;
    const found: AnswerInputProblem | null = checked && !checked.ok ? checked.reason : user.trim() ? null : 'noWingUser';
    setProblem(found);
    if (found) return;
    if (askUser) props.onWingUserId(user.trim());
    if (mode === 'answer') saveDraftNow(text);
    setStep({ kind: 'review' });
  });

  const send = gate(() => {
    if (sendingRef.current || paused) return;
    sendingRef.current = true;
    setStep({ kind: 'sending' });
    void props.send(mode === 'confirm' ? '' : normaliseAnswerText(text), user.trim()).then(
      (result) => {
        sendingRef.current = false;
        setStep(result.ok ? { kind: 'sent', sample: result.value.sample === true } : { kind: 'failed', error: result.error });
        if (result.ok) props.onSent?.(result.value);
      },
      () => {
        sendingRef.current = false;
        // The write may have left before the failure: check the inquiry before sending again.
        setStep({ kind: 'failed', error: { kind: 'write-unknown', outcomeUnknown: true } });
      },
    );
  });

  const back = gate(() => setStep({ kind: 'edit' }));
  const discard = gate(() => {
    clearTimeout(draftTimer.current);
    unsaved.current = undefined;
    setText('');
    props.onDiscard();
  });
  const close = gate(() => props.onClose());

  const insert = (snippet: string) => {
    const el = boxRef.current;
    const start = el?.selectionStart ?? text.length;
    const end = el?.selectionEnd ?? text.length;
    onInput(text.slice(0, start) + snippet + text.slice(end));
    setListing(false);
    el?.focus();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    // Keys typed here are the seller's: Wing's document-level shortcuts must not see them (composed events
    // would otherwise cross the card's shadow boundary).
    event.stopPropagation();
    const saved = props.saved ?? [];
    if (step.kind === 'edit' && mode === 'answer' && trusted(event)) {
      if (event.altKey && event.code === 'KeyS' && saved.length > 0) {
        event.preventDefault();
        setListing(true);
        return;
      }
      if (listing) {
        const pick = /^[1-9]$/.test(event.key) ? saved[Number(event.key) - 1] : undefined;
        event.preventDefault();
        if (pick !== undefined) insert(pick);
        else setListing(false);
        return;
      }
    }
    if (event.key === 'Escape' && trusted(event)) {
      event.preventDefault();
      if (step.kind === 'review') setStep({ kind: 'edit' });
      else props.onClose();
    }
  };
  const stopKey = (event: KeyboardEvent) => event.stopPropagation();

  const count = countAnswerChars(text);
  const title = mode === 'confirm' ? t('answer.confirmTitle', { id: inquiryId }) : t('answer.title', { id: inquiryId });

  return (
    <section class="answer-form" aria-label={title} onKeyDown={onKeyDown} onKeyUp={stopKey} onKeyPress={stopKey}>
      <h3 class="answer-title">{title}</h3>
      {props.deadline && <p class="answer-deadline">{t('answer.deadline', { deadline: props.deadline })}</p>}
      {step.kind === 'edit' && (
        <div class="answer-edit">
          {askUser && (
            <label class="answer-user">
              {t('answer.wingUser')}
              <input type="text" value={user} autoComplete="username" onInput={(e) => setUser(e.currentTarget.value)} />
            </label>
          )}
          {mode === 'answer' && (
            <label class="answer-text">
              {t('answer.textLabel')}
              <textarea
                ref={boxRef}
                value={text}
                rows={6}
                aria-invalid={problem ? 'true' : undefined}
                aria-describedby="answer-count answer-problem"
                onInput={(e) => onInput(e.currentTarget.value)}
              />
            </label>
          )}
          {mode === 'answer' && props.formStart && text.trim() === '' && (
            <button type="button" class={BUTTON} onClick={gate(() => onInput(props.formStart ?? ''))}>
              {t('answer.useForm')}
            </button>
          )}
          {listing && (
            <ol class="answer-saved" aria-label={t('answer.savedList')}>
              {(props.saved ?? []).slice(0, 9).map((entry, index) => (
                <li key={index}>
                  <button type="button" class={BUTTON} onClick={gate(() => insert(entry))}>
                    {index + 1}. {entry}
                  </button>
                </li>
              ))}
            </ol>
          )}
          {mode === 'answer' && (
            <p id="answer-count" class={count > ANSWER_MAX_CHARS ? 'answer-count over' : 'answer-count'} aria-live="polite">
              {t('answer.count', { count, max: ANSWER_MAX_CHARS })}
            </p>
          )}
          <p id="answer-problem" class="answer-problem" role={problem ? 'alert' : undefined}>
            {problem ? t(PROBLEM_KEY[problem]) : ''}
          </p>
          <div class="answer-actions">
            <button type="button" class={PRIMARY} onClick={review}>
              {t('answer.review')}
            </button>
            {mode === 'answer' && (
              <button type="button" class={BUTTON} onClick={discard}>
                {t('answer.discard')}
              </button>
            )}
            <button type="button" class={BUTTON} onClick={close}>
              {t('answer.close')}
            </button>
          </div>
        </div>
      )}
      {(step.kind === 'review' || step.kind === 'sending') && (
        <div class="answer-review">
          <p>{mode === 'confirm' ? t('answer.reviewConfirm', { id: inquiryId }) : t('answer.reviewLead', { id: inquiryId })}</p>
          {mode === 'answer' && <blockquote class="answer-exact">{normaliseAnswerText(text)}</blockquote>}
          <p class="answer-final">{t('answer.final')}</p>
          {paused && props.pausedUntil !== undefined && (
            <p role="status">{t('answer.paused', { seconds: Math.ceil((props.pausedUntil - now()) / 1000) })}</p>
          )}
          <div class="answer-actions">
            <button type="button" class={PRIMARY} onClick={send} disabled={step.kind === 'sending' || paused}>
              {step.kind === 'sending' ? t('answer.sending') : mode === 'confirm' ? t('answer.confirmSend') : t('answer.send')}
            </button>
            <button type="button" class={BUTTON} onClick={back} disabled={step.kind === 'sending'}>
              {t('answer.back')}
            </button>
          </div>
        </div>
      )}
      {step.kind === 'sent' && (
        <p role="status" class="answer-sent">
          {step.sample ? t('answer.sample') : mode === 'confirm' ? t('answer.confirmed') : t('answer.sent')}
        </p>
      )}
      {step.kind === 'sent' && (
        <div class="answer-actions">
          <button type="button" class={BUTTON} onClick={close}>
            {t('answer.close')}
          </button>
        </div>
      )}
      {step.kind === 'failed' && (
        <div role="alert" class="answer-failed">
          {step.error.outcomeUnknown ? (
            <>
              <p>{t('answer.unknown')}</p>
              <p>
                {step.error.readBackFound === true
                  ? t('answer.unknownFound')
                  : step.error.readBackFound === false
                    ? t('answer.unknownNotFound')
                    : t('answer.unknownNoReadBack')}
              </p>
            </>
          ) : (
            <p>{t('answer.failed', { reason: t(errorKey(step.error)) })}</p>
          )}
          <p>{t('answer.draftKept')}</p>
          <div class="answer-actions">
            {step.error.readBackFound !== true && (
              <button type="button" class={BUTTON} onClick={back}>
                {t('answer.back')}
              </button>
            )}
            <button type="button" class={BUTTON} onClick={close}>
              {t('answer.close')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}

/** Every error kind has its own message in every catalog (tests/unit/i18n/catalogs.test.ts). */
function errorKey(error: AnswerError): MessageKey {
  return `error.${error.kind}` as MessageKey;
}

/** Why an inquiry offers no Answer button; from the core's answerability check (utils/answer/). */
export type NotAnswerableReason = 'answered' | 'closed' | 'past-deadline' | 'parent-unsafe';

export interface AnswerEntryProps {
  t: Translate;
  /** null: answerable, the Answer button shows. */
  reason: NotAnswerableReason | null;
  onAnswer: () => void;
  /** Where the seller answers in Wing when the parent answer can't be chosen safely. */
  wingUrl?: string;
  trusted?: (event: Event) => boolean;
}

const REASON_KEY = {
  answered: 'answer.why.answered',
  closed: 'answer.why.closed',
  'past-deadline': 'answer.why.pastDeadline',
  'parent-unsafe': 'answer.why.parentUnsafe',
} as const satisfies Record<NotAnswerableReason, MessageKey>;

/** The Answer button on an answerable inquiry; otherwise why there is none (and, if it helps, Wing's page). */
export function AnswerEntry({ t, reason, onAnswer, wingUrl, trusted = (event) => event.isTrusted }: AnswerEntryProps) {
  if (reason === null) {
    return (
      <button
        type="button"
        class={`answer-open ${PRIMARY}`}
        onClick={(event) => {
          if (trusted(event)) onAnswer();
        }}
      >
        {t('answer.open')}
      </button>
    );
  }
  return (
    <p class="answer-why">
      {t(REASON_KEY[reason])}
      {reason === 'parent-unsafe' && wingUrl && (
        <>
          {' '}
          <a href={wingUrl} target="_blank" rel="noopener noreferrer">
            {t('answer.openWing')}
          </a>
        </>
      )}
    </p>
  );
}
