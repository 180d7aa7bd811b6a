import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { LookupError, Result } from '@/utils/coupang/error-kinds';
import type { Locale, Translate } from '@/utils/i18n/translate';
import { coupangNow } from '@/utils/inquiry/coupang-now';
import type { LookupValue } from '@/utils/messaging';
import type { RecentLookup } from '@/utils/storage';
import type { AnswerPrefs } from '@/utils/answer-view/answer-prefs';
import { AnswerPanel, type AnswerService } from './answer-panel';
import { InquiryDetails } from './inquiry-details';
import { LookupErrorView, PauseCountdown } from './lookup-error';
import { SearchBox } from './search-box';

export interface LookupPanelProps {
  t: Translate;
  locale: Locale;
  /** `signal` aborts when this panel no longer wants the answer; `retry`: the seller pressed Retry on held keys. */
  lookup: (id: string, refresh: boolean, options?: { signal?: AbortSignal; retry?: boolean }) => Promise<Result<LookupValue>>;
  recent: RecentLookup[];
  /** Shown on open (the side panel's last inquiry). */
  initialId?: string;
  now: () => number;
  onLookedUp?: (id: string, value: LookupValue) => void;
  onOpenSidePanel?: (id: string) => void;
  onOpenOptions: () => void;
  /** Shown above the search box (first-run line, sample mode); `show` looks an ID up here. */
  notices?: (show: (id: string) => void) => ComponentChildren;
  /** Say above a sample's details that it is one (a demo card's sample outside sample mode, whose banner says it already). */
  markSamples?: boolean;
  /** Answering here (docs/answering.md#popup-and-side-panel); absent: no Answer. */
  answers?: { service: AnswerService; prefs: AnswerPrefs; /** Test seam: happy-dom's events are untrusted. */ trusted?: (event: Event) => boolean };
  /** Subscribes to INQUIRY_CHANGED (an answer went out somewhere); returns the unsubscribe. */
  onInquiryChanged?: (listener: (id: string) => void) => () => void;
  /**
   * "Awaiting you", between the notices and the search box: `present` shows an inquiry the list already holds,
   * with no request (docs/inbox.md#the-list); `shownId` is the inquiry shown below.
   */
  awaiting?: (present: (id: string, value: LookupValue) => void, shownId: string | undefined) => ComponentChildren;
}

type View =
  | { phase: 'idle' }
  | { phase: 'loading'; id: string }
  | { phase: 'shown'; id: string; value: LookupValue }
  | { phase: 'failed'; id: string; error: LookupError };

/** Search box, result and recent lookups: the whole popup, and the side panel's body. */
export function LookupPanel(props: LookupPanelProps) {
  const { t, locale } = props;
  const [view, setView] = useState<View>({ phase: 'idle' });
  const [now, setNow] = useState(props.now());
  const latest = useRef(0);
  const asking = useRef<AbortController | undefined>(undefined);

  async function show(id: string, refresh = false, retry = false) {
    const ticket = ++latest.current;
    // The query was replaced: the background drops the old request if it has not left yet.
    asking.current?.abort();
    const controller = new AbortController();
    asking.current = controller;
    setView({ phase: 'loading', id });
    const result = await props.lookup(id, refresh, { signal: controller.signal, retry });
    if (ticket !== latest.current) return; // a newer lookup replaced this one
    setNow(props.now());
    if (result.ok) {
      setView({ phase: 'shown', id, value: result.value });
      props.onLookedUp?.(id, result.value);
    } else {
      setView({ phase: 'failed', id, error: result.error });
    }
  }

  function present(id: string, value: LookupValue) {
    ++latest.current; // a lookup still on its way would replace what the seller chose
    asking.current?.abort();
    setNow(props.now());
    setView({ phase: 'shown', id, value });
    props.onLookedUp?.(id, value);
  }

  useEffect(() => {
    if (props.initialId) void show(props.initialId);
  }, [props.initialId]);

  useEffect(() => () => asking.current?.abort(), []);

  const viewRef = useRef(view);
  viewRef.current = view;
  /** Reads the shown inquiry again in place (it changed through an answer): the answer view stays open. */
  async function reread(id: string) {
    const shown = viewRef.current;
    if (shown.phase !== 'shown' || shown.id !== id) return;
    const ticket = latest.current;
    const result = await props.lookup(id, false);
    const current = viewRef.current;
    if (ticket !== latest.current || current.phase !== 'shown' || current.id !== id || !result.ok) return;
    setNow(props.now());
    setView({ phase: 'shown', id, value: result.value });
  }
  useEffect(() => props.onInquiryChanged?.((id) => void reread(id)), [props.onInquiryChanged]);

  useEffect(() => {
    // Relative times ("3 minutes ago", time left) stay true while the panel stays open.
    const timer = setInterval(() => setNow(props.now()), 30_000);
    return () => clearInterval(timer);
  }, []);

  const currentId = view.phase === 'idle' ? undefined : view.id;

  return (
    <div class="csl-lookup">
      {props.notices?.((id) => void show(id))}
      {props.awaiting?.(present, currentId)}
      <SearchBox t={t} onSearch={(id) => void show(id)} autoFocus />
      {view.phase === 'loading' && (
        <p class="csl-loading" role="status">
          <span class="csl-spinner" aria-hidden="true" />
          {t('search.loading', { id: view.id })}
        </p>
      )}
      {view.phase === 'failed' && (
        <LookupErrorView
          error={view.error}
          t={t}
          now={props.now}
          onOpenOptions={props.onOpenOptions}
          onResume={() => void show(view.id)}
          onRetry={() => void show(view.id, false, true)}
        />
      )}
      {view.phase === 'shown' && view.value.pausedUntil !== undefined && (
        <PauseCountdown resumesAt={view.value.pausedUntil} t={t} now={props.now} />
      )}
      {view.phase === 'shown' && view.value.sample && props.markSamples && <p class="csl-muted">{t('sample.banner')}</p>}
      {view.phase === 'shown' && (
        // Coupang's dates against Coupang's clock (docs/coupang-api.md#deadline): the fetch time moves with it.
        <InquiryDetails
          inquiry={view.value.inquiry}
          t={t}
          locale={locale}
          now={coupangNow(view.value, now)}
          fetchedAt={coupangNow(view.value, view.value.fetchedAt)}
        />
      )}
      {view.phase === 'shown' && props.answers && (
        <AnswerPanel
          key={view.id}
          t={t}
          locale={locale}
          inquiry={view.value.inquiry}
          now={coupangNow(view.value, now)}
          service={props.answers.service}
          prefs={props.answers.prefs}
          pausedUntil={view.value.pausedUntil}
          trusted={props.answers.trusted}
          onSent={(sent) => {
            // The inquiry as read back after the write (cache replaced); else read it once more.
            if (sent.after) setView({ phase: 'shown', id: view.id, value: sent.after });
            else void reread(view.id);
          }}
        />
      )}
      {currentId && view.phase !== 'loading' && (
        <div class="csl-actions">
          {view.phase === 'shown' && (
            <button type="button" onClick={() => void show(currentId, true)}>
              {t('search.refresh')}
            </button>
          )}
          {props.onOpenSidePanel && (
            <button type="button" onClick={() => props.onOpenSidePanel?.(currentId)}>
              {t('search.openSidePanel')}
            </button>
          )}
        </div>
      )}
      <nav class="csl-recent" aria-label={t('search.recent')}>
        <h2>{t('search.recent')}</h2>
        {props.recent.length === 0 ? (
          <p class="csl-muted">{t('search.recentEmpty')}</p>
        ) : (
          <ul>
            {props.recent.map((entry) => (
              <li key={entry.id}>
                <button type="button" class="csl-link" onClick={() => void show(entry.id)}>
                  <span class="csl-mono">{entry.id}</span>
                  {entry.itemName && <span class="csl-muted"> · {entry.itemName}</span>}
                </button>
              </li>
            ))}
          </ul>
        )}
      </nav>
      <p class="csl-footer">
        <button type="button" class="csl-link" onClick={props.onOpenOptions}>
          {t('search.openOptions')}
        </button>
      </p>
    </div>
  );
}
