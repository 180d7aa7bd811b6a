import { useEffect, useRef, useState } from 'preact/hooks';
import type { LookupError } from '../utils/coupang/error-kinds';
import type { Locale, Translate } from '../utils/i18n/translate';
import { inDeadlineOrder, timeLeft, type InboxListState } from '../utils/inbox/awaiting-view';
import type { AwaitingItem } from '../utils/inbox/inbox';
import { formatDuration, formatRelative } from '../utils/inquiry/format-time';
import { LookupErrorView } from './lookup-error';

/** The background's answer to `get-inbox`, as far as the list shows it (docs/inbox.md#the-list). */
export interface AwaitingListView extends InboxListState {
  refreshing: boolean;
  /** Why the last refresh failed or was not sent; the items are then the last good list. */
  problem?: LookupError;
  /** Periodic refreshes are off in Settings (the Refresh button still works). */
  off?: boolean;
}

export interface AwaitingListProps {
  t: Translate;
  locale: Locale;
  /** Undefined until the background answered. */
  view?: AwaitingListView;
  /** This computer's clock (epoch ms); deadlines count on it plus the view's clock offset. */
  now: () => number;
  /** The inquiry the details below show, marked as current. */
  selectedId?: string;
  /** Shows the row's inquiry from what the list brought: no request. */
  onSelect: (item: AwaitingItem) => void;
  onRefresh: () => void;
  onOpenOptions?: () => void;
  /** Coupang's pause ran out while the list was open: the page reads the list again. */
  onPauseOver?: () => void;
}

/** How often the times left and the list's age are redrawn: one timer for the whole list, whatever its length. */
export const TICK_MS = 15_000;
const JUST_NOW_MS = 60_000;

/** "Awaiting you": every inquiry waiting for the seller, soonest deadline first, above the popup's and side panel's search box. */
export function AwaitingList({ t, locale, view, now, selectedId, onSelect, onRefresh, onOpenOptions, onPauseOver }: AwaitingListProps) {
  const [localNow, setLocalNow] = useState(now());
  const clock = useRef(now);
  clock.current = now;
  useEffect(() => {
    const timer = setInterval(() => setLocalNow(clock.current()), TICK_MS);
    return () => clearInterval(timer);
  }, []);
  // A new answer from the background is drawn against the time it arrived, not the last tick.
  useEffect(() => setLocalNow(now()), [view]);

  const items = view ? inDeadlineOrder(view.items) : [];
  const deadlineNow = localNow + (view?.clockOffsetMs ?? 0);
  const updated =
    view?.updatedAt === undefined
      ? t('inbox.neverUpdated')
      : t('inbox.updated', {
          time: Math.abs(localNow - view.updatedAt) < JUST_NOW_MS ? t('time.justNow') : formatRelative(view.updatedAt, localNow, locale),
        });

  return (
    <section class="csl-inbox" aria-labelledby="csl-inbox-title">
      <div class="csl-inbox-head">
        <h2 id="csl-inbox-title">
          {t('inbox.title')}
          {view && <span class="csl-inbox-count">{items.length}</span>}
        </h2>
        <span class="csl-inbox-updated csl-muted">
          {view?.refreshing ? <span role="status">{t('inbox.refreshing')}</span> : view && updated}
        </span>
        <button type="button" onClick={onRefresh}>
          {t('inbox.refresh')}
        </button>
      </div>
      {view?.sample && <p class="csl-inbox-note csl-inbox-sample">{t('inbox.sample')}</p>}
      {view?.off && !view.sample && <p class="csl-inbox-note csl-muted">{t('inbox.off')}</p>}
      {view?.problem && (
        <LookupErrorView
          title={t(view.updatedAt === undefined ? 'inbox.notRefreshed' : 'inbox.showingOld')}
          error={view.problem}
          t={t}
          now={now}
          onOpenOptions={onOpenOptions}
          onResume={onPauseOver}
        />
      )}
      {!view ? (
        <p class="csl-muted">{t('inbox.reading')}</p>
      ) : items.length === 0 ? (
        view.updatedAt !== undefined && <p class="csl-muted">{t('inbox.empty')}</p>
      ) : (
        <ul class="csl-inbox-list" aria-labelledby="csl-inbox-title" onKeyDown={moveFocus}>
          {items.map((item) => (
            <li key={item.inquiry.inquiryId}>
              <Row item={item} t={t} locale={locale} now={deadlineNow} selected={item.inquiry.inquiryId === selectedId} onSelect={onSelect} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Row({ item, t, locale, now, selected, onSelect }: { item: AwaitingItem; t: Translate; locale: Locale; now: number; selected: boolean; onSelect: (item: AwaitingItem) => void }) {
  const left = timeLeft(item, now);
  const due =
    left.msLeft === undefined
      ? t('inbox.unknown')
      : t(left.urgency === 'overdue' ? 'inbox.overdue' : 'inbox.left', { time: formatDuration(left.msLeft, locale) });
  return (
    <button
      type="button"
      class={`csl-inbox-row csl-inbox-row--${left.urgency}`}
      aria-current={selected ? 'true' : undefined}
      data-inquiry-id={item.inquiry.inquiryId}
      onClick={() => onSelect(item)}
    >
      {/* The spaces separate the parts in the button's name; the grid lays them out and ignores them. */}
      <span class="csl-inbox-due">{due}</span>{' '}
      <span class={`csl-inbox-need csl-inbox-need--${item.need}`}>{t(`inbox.need.${item.need}`)}</span>{' '}
      <span class="csl-inbox-id csl-mono">{item.inquiry.inquiryId}</span>{' '}
      <span class="csl-inbox-item">{item.inquiry.itemName?.trim() || t('details.none')}</span>
    </button>
  );
}

/** Up / Down / Home / End move between the rows, so a long list is not a long walk with Tab. */
function moveFocus(event: KeyboardEvent) {
  const keys = ['ArrowDown', 'ArrowUp', 'Home', 'End'];
  if (!keys.includes(event.key)) return;
  const rows = [...(event.currentTarget as HTMLElement).querySelectorAll<HTMLButtonElement>('.csl-inbox-row')];
  const at = rows.indexOf(event.target as HTMLButtonElement);
  if (at < 0 || rows.length === 0) return;
  const next =
    event.key === 'Home' ? 0 : event.key === 'End' ? rows.length - 1 : Math.min(rows.length - 1, Math.max(0, at + (event.key === 'ArrowDown' ? 1 : -1)));
  event.preventDefault();
  rows[next]!.focus();
}
