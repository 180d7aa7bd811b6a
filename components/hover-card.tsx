import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { LookupError } from '../utils/coupang/error-kinds';
import type { Placement } from '../utils/hover/placement';
import type { MessageKey } from '../utils/i18n/en';
import type { Locale, Translate } from '../utils/i18n/translate';
import { formatRelative } from '../utils/inquiry/format-time';
import { coupangNow } from '../utils/inquiry/coupang-now';
import type { LookupValue } from '../utils/messaging';
import { InquiryDetails } from './inquiry-details';
import { KeyReminder } from './key-reminder';
import { LookupErrorView } from './lookup-error';

export type HoverCardState =
  | { phase: 'loading' }
  | { phase: 'shown'; value: LookupValue }
  | { phase: 'failed'; error: LookupError };

/** The 업체코드 Wing prints on the page, when the background says it is not the saved key's store. */
export interface VendorMismatch {
  pageVendor: string;
}

/** Resolves (or returns) false, or rejects, when the text did not reach the clipboard. */
export type CopyHandler = () => void | boolean | Promise<void | boolean>;

export interface HoverCardProps {
  id: string;
  state: HoverCardState;
  t: Translate;
  locale: Locale;
  /** The current time (epoch ms): the deadline and the data's age count from it. */
  now: number;
  /** Tests pin it; the card uses the user's time zone. */
  timeZone?: string;
  pinned: boolean;
  /**
   * From placeCard: fixed-position coordinates and the room available. Without it the card is laid out
   * in its host at its natural size, which is what placeCard needs measured.
   */
  placement?: Placement;
  vendorMismatch?: VendorMismatch;
  onCopyId: CopyHandler;
  /** The caller builds the text (plainTextSummary) and copies it. */
  onCopySummary: CopyHandler;
  onOpenSidePanel: () => void;
  /** Refresh when shown, Retry when failed. */
  onRefresh: () => void;
  onTogglePin: () => void;
  onDisableCards: () => void;
  onClose: () => void;
  onOpenOptions: () => void;
  /** A pause shown on a failed lookup has ended: the caller asks again, once. */
  onResume?: () => void;
  /** The answer view (components/answer-panel.tsx), shown under the inquiry; its own files, loaded with the card. */
  answer?: ComponentChildren;
}

/** How long "Copied" stays: long enough to read and to be announced, short enough not to linger. */
export const COPY_NOTE_MS = 2_000;

const JUST_NOW_MS = 60_000;

type CopyNote = { key: MessageKey; ok: boolean };

/**
 * The inline card on Wing: one inquiry, most useful first, and what can be done with it.
 * A non-modal dialog (WCAG 1.4.13: hoverable, dismissable with Esc by the caller, persistent).
 */
export function HoverCard(props: HoverCardProps) {
  const { id, state, t, locale, now, pinned, placement, vendorMismatch } = props;
  const [copyNote, setCopyNote] = useState<CopyNote | undefined>(undefined);
  const mounted = useRef(true);
  const ageId = useId();

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  useEffect(() => {
    if (!copyNote) return;
    const timer = setTimeout(() => setCopyNote(undefined), COPY_NOTE_MS);
    return () => clearTimeout(timer);
  }, [copyNote]);

  // A note about one inquiry must not linger on the card of the next.
  useEffect(() => setCopyNote(undefined), [id]);

  async function copy(handler: CopyHandler, copiedKey: MessageKey) {
    let ok: boolean;
    try {
      ok = (await handler()) !== false;
    } catch {
      ok = false; // the card says "Couldn't copy" (card.copyFailed)
    }
    if (mounted.current) setCopyNote({ key: ok ? copiedKey : 'card.copyFailed', ok });
  }

  // Without a placement the card flows inside its host, wherever the caller put that. With one, it stays in
  // flow and is moved by a transform (paint only): the Wing host sits at the viewport's origin, and a card
  // that is in flow in its relayout boundary never makes the page lay out (docs/wing-content-script.md#drawing).
  const style = placement && {
    transform: `translate(${placement.left}px, ${placement.top}px)`,
    '--csl-hc-room-height': `${placement.maxHeight}px`,
    '--csl-hc-room-width': `${placement.maxWidth}px`,
  };

  return (
    <div
      class={pinned ? 'csl-hover-card csl-hover-card--pinned' : 'csl-hover-card'}
      role="dialog"
      aria-modal="false"
      aria-label={t('card.label', { id })}
      aria-busy={state.phase === 'loading' ? 'true' : undefined}
      tabIndex={-1}
      data-side={placement?.side}
      style={style}
    >
      <div class="csl-hc-bar">
        <span class="csl-hc-title">{t('card.label', { id })}</span>
        <button
          type="button"
          class="csl-hc-icon-button csl-hc-pin"
          aria-pressed={pinned ? 'true' : 'false'}
          title={t('card.pinHint')}
          onClick={props.onTogglePin}
        >
          {t('card.pin')}
        </button>
        <button
          type="button"
          class="csl-hc-icon-button csl-hc-close"
          aria-label={t('card.close')}
          title={t('card.close')}
          onClick={props.onClose}
        >
          <span aria-hidden="true">×</span>
        </button>
      </div>

      <div class="csl-hc-body">
        {vendorMismatch && (
          <p class="csl-hc-warning">
            {t('card.vendorMismatch', { pageVendor: vendorMismatch.pageVendor })}
          </p>
        )}
        {state.phase === 'loading' && (
          <p class="csl-hc-loading" role="status">
            <span class="csl-hc-spinner" aria-hidden="true" />
            {t('card.loading', { id })}
          </p>
        )}
        {state.phase === 'failed' && (
          <div class="csl-hc-failed">
            <LookupErrorView error={state.error} t={t} onOpenOptions={props.onOpenOptions} onResume={props.onResume} />
            <button type="button" class="csl-hc-button csl-hc-button--primary" onClick={props.onRefresh}>
              {t('card.retry')}
            </button>
          </div>
        )}
        {state.phase === 'shown' && state.value.sample && <p class="csl-hc-sample">{t('sample.banner')}</p>}
        {state.phase === 'shown' && (
          // Coupang's dates against Coupang's clock (docs/coupang-api.md#deadline); "Fetched" below stays local.
          <InquiryDetails inquiry={state.value.inquiry} t={t} locale={locale} now={coupangNow(state.value, now)} timeZone={props.timeZone} compact />
        )}
        {state.phase === 'shown' && props.answer}
        {state.phase === 'shown' && state.value.keyExpiresAt !== undefined && (
          <KeyReminder t={t} locale={locale} expiresAt={state.value.keyExpiresAt} now={now} timeZone={props.timeZone} />
        )}
      </div>

      <div class="csl-hc-footer">
        <div class="csl-hc-actions" role="group" aria-label={t('card.actions')}>
          <button type="button" class="csl-hc-button" onClick={() => void copy(props.onCopyId, 'card.copiedId')}>
            {t('card.copyId')}
          </button>
          {state.phase === 'shown' && (
            <button
              type="button"
              class="csl-hc-button"
              onClick={() => void copy(props.onCopySummary, 'card.copiedSummary')}
            >
              {t('card.copySummary')}
            </button>
          )}
          <button type="button" class="csl-hc-button" onClick={props.onOpenSidePanel}>
            {t('card.openSidePanel')}
          </button>
          {state.phase === 'shown' && (
            <span class="csl-hc-refresh">
              <button type="button" class="csl-hc-button" aria-describedby={ageId} onClick={props.onRefresh}>
                {t('card.refresh')}
              </button>
              <span class="csl-hc-age" id={ageId}>
                {t('details.fetched', {
                  time:
                    Math.abs(now - state.value.fetchedAt) < JUST_NOW_MS
                      ? t('time.justNow')
                      : formatRelative(state.value.fetchedAt, now, locale),
                })}
              </span>
            </span>
          )}
        </div>
        <p class={copyNote && !copyNote.ok ? 'csl-hc-note csl-hc-note--failed' : 'csl-hc-note'} role="status">
          {copyNote && t(copyNote.key)}
        </p>
        <div class="csl-hc-links">
          <button type="button" class="csl-hc-link" onClick={props.onDisableCards}>
            {t('card.disable')}
          </button>
          <button type="button" class="csl-hc-link" onClick={props.onOpenOptions}>
            {t('card.settings')}
          </button>
        </div>
      </div>
    </div>
  );
}
