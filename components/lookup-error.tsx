import { useEffect, useState } from 'preact/hooks';
import type { ErrorKind, LookupError } from '../utils/coupang/error-kinds';
import type { Translate } from '../utils/i18n/translate';
import { formatCountdown } from '../utils/lookup/countdown';

/** Kinds the seller fixes in Settings: keys, vendor ID or the key's registered IPs. */
const SETTINGS_KINDS: ReadonlySet<ErrorKind> = new Set<ErrorKind>([
  'no-credentials',
  'invalid-signature',
  'malformed-auth',
  'not-authorized',
  'ip-not-allowed',
  'other-vendor',
  'key-expired',
]);

export function isSettingsError(kind: ErrorKind): boolean {
  return SETTINGS_KINDS.has(kind);
}

interface LookupErrorViewProps {
  /** What failed, when it was not a lookup (e.g. the connection test). */
  title?: string;
  error: LookupError;
  t: Translate;
  onOpenOptions?: () => void;
  /** The current time (epoch ms); the pause countdown ticks from it. */
  now?: () => number;
  /** The pause is over: the surface asks again (the background sends one probe). */
  onResume?: () => void;
  /** Held credentials: the seller fixed the cause and asks for one more try. */
  onRetry?: () => void;
}

/**
 * "resumes in 0:42", ticking each second (docs/request-economy.md#breaker). A timer region: its
 * ticks are not announced. Shown with a failed lookup, and above a cached answer shown while paused.
 */
export function PauseCountdown({ resumesAt, blocked = false, t, now = Date.now, onResume }: { resumesAt: number; blocked?: boolean; t: Translate; now?: () => number; onResume?: () => void }) {
  const [time, setTime] = useState(now());
  useEffect(() => {
    setTime(now());
    if (now() >= resumesAt) return;
    const timer = setInterval(() => {
      const current = now();
      setTime(current);
      if (current < resumesAt) return;
      clearInterval(timer);
      onResume?.();
    }, 1_000);
    return () => clearInterval(timer);
  }, [resumesAt]);
  return (
    <p class="csl-error-paused" role="timer">
      {time >= resumesAt ? t('economy.resuming') : t(blocked ? 'economy.paused.blocked' : 'economy.paused.rate-limited', { time: formatCountdown(resumesAt - time) })}
    </p>
  );
}

/** A failed lookup: what happened and what to do, never mistakable for "no data". */
export function LookupErrorView({ error, t, onOpenOptions, title, now = Date.now, onResume, onRetry }: LookupErrorViewProps) {
  const technical = [
    error.status === undefined ? undefined : t('error.status', { status: error.status }),
    error.detail?.trim() || undefined,
  ].filter(Boolean);

  return (
    <div class="csl-error" role="alert">
      <p class="csl-error-title">{title ?? t('error.title')}</p>
      <p class="csl-error-message">{t(`error.${error.kind}`)}</p>
      {error.resumesAt !== undefined && <PauseCountdown resumesAt={error.resumesAt} blocked={error.kind === 'blocked'} t={t} now={now} onResume={onResume} />}
      {error.held && <p class="csl-error-held">{t('economy.held')}</p>}
      {technical.length > 0 && <p class="csl-error-technical">{technical.join(' · ')}</p>}
      {error.held && onRetry && (
        <button type="button" class="csl-button" onClick={onRetry}>
          {t('economy.retry')}
        </button>
      )}
      {onOpenOptions && isSettingsError(error.kind) && (
        <button type="button" class="csl-button" onClick={onOpenOptions}>
          {t('error.openOptions')}
        </button>
      )}
    </div>
  );
}
