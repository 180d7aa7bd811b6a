import type { ErrorKind, LookupError } from '../utils/coupang/error-kinds';
import type { Translate } from '../utils/i18n/translate';

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
}

/** A failed lookup: what happened and what to do, never mistakable for "no data". */
export function LookupErrorView({ error, t, onOpenOptions, title }: LookupErrorViewProps) {
  const technical = [
    error.status === undefined ? undefined : t('error.status', { status: error.status }),
    error.detail?.trim() || undefined,
  ].filter(Boolean);

  return (
    <div class="csl-error" role="alert">
      <p class="csl-error-title">{title ?? t('error.title')}</p>
      <p class="csl-error-message">{t(`error.${error.kind}`)}</p>
      {technical.length > 0 && <p class="csl-error-technical">{technical.join(' · ')}</p>}
      {onOpenOptions && isSettingsError(error.kind) && (
        <button type="button" class="csl-button" onClick={onOpenOptions}>
          {t('error.openOptions')}
        </button>
      )}
    </div>
  );
}
