// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isSettingsError, LookupErrorView } from '../../../components/lookup-error';
import { ERROR_KINDS, type ErrorKind, type LookupError } from '../../../utils/coupang/error-kinds';
import { en } from '../../../utils/i18n/en';
import { createTranslator } from '../../../utils/i18n/translate';

afterEach(cleanup);

const t = createTranslator('en');

function show(error: LookupError, onOpenOptions?: () => void, locale: 'en' | 'ko' = 'en') {
  render(<LookupErrorView error={error} t={createTranslator(locale)} onOpenOptions={onOpenOptions} />);
  return screen.getByRole('alert');
}

describe('LookupErrorView', () => {
  it('explains a missing IP registration, with the gateway details and a way to Settings', () => {
    const openOptions = vi.fn();
    const alert = show({ kind: 'ip-not-allowed', status: 403, detail: 'Not allowed IP: 203.0.113.7' }, openOptions);
    expect(alert.textContent).toContain('Lookup failed');
    expect(alert.textContent).toContain(en['error.ip-not-allowed']);
    expect(screen.getByText('HTTP 403 · Not allowed IP: 203.0.113.7')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Open settings' }));
    expect(openOptions).toHaveBeenCalledTimes(1);
  });

  it.each<ErrorKind>(['no-credentials', 'invalid-signature', 'malformed-auth', 'not-authorized', 'ip-not-allowed', 'other-vendor'])(
    'offers Settings for %s',
    (kind) => {
      show({ kind }, () => {});
      expect(screen.getByRole('button', { name: 'Open settings' })).toBeTruthy();
    },
  );

  it.each<ErrorKind>(['not-found', 'rate-limited', 'blocked', 'network', 'signature-expired', 'server-error'])(
    'does not offer Settings for %s',
    (kind) => {
      show({ kind, status: 404 }, () => {});
      expect(screen.queryByRole('button')).toBeNull();
    },
  );

  it('has no Settings button when no handler is given', () => {
    show({ kind: 'no-credentials' });
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('shows only what it has: status without detail, and nothing technical without either', () => {
    const withStatus = show({ kind: 'rate-limited', status: 429 });
    expect(withStatus.querySelector('.csl-error-technical')?.textContent).toBe('HTTP 429');
    cleanup();
    const network = show({ kind: 'network' });
    expect(network.querySelector('.csl-error-technical')).toBeNull();
    expect(network.textContent).toContain(en['error.network']);
  });

  it('renders the gateway detail as text', () => {
    const alert = show({ kind: 'blocked', status: 403, detail: '<h1>Access Denied</h1><img src=x>' });
    expect(alert.querySelector('h1, img')).toBeNull();
    expect(alert.textContent).toContain('<h1>Access Denied</h1>');
  });

  it('speaks Korean', () => {
    const alert = show({ kind: 'ip-not-allowed', status: 403 }, () => {}, 'ko');
    expect(alert.textContent).toContain('조회 실패');
    expect(alert.textContent).toContain('공인 IP');
    expect(screen.getByRole('button', { name: '설정 열기' })).toBeTruthy();
  });

  it.each(ERROR_KINDS)('has a message for %s', (kind) => {
    const alert = show({ kind });
    expect(alert.querySelector('.csl-error-message')?.textContent).toBe(t(`error.${kind}`));
    expect(alert.querySelector('.csl-error-message')?.textContent).not.toBe(`error.${kind}`);
  });

  it('knows which kinds are fixed in Settings', () => {
    expect(ERROR_KINDS.filter(isSettingsError)).toEqual([
      'invalid-signature',
      'malformed-auth',
      'not-authorized',
      'ip-not-allowed',
      'other-vendor',
      'no-credentials',
      'key-expired',
    ]);
  });

  it('a pause shows the live countdown in m:ss (blocked says so too), and no countdown without resumesAt', () => {
    const now = () => 1_000_000;
    render(<LookupErrorView error={{ kind: 'blocked', status: 403, resumesAt: 1_000_000 + 5 * 60_000 }} t={t} now={now} />);
    expect(screen.getByRole('timer').textContent).toBe(t('economy.paused.blocked', { time: '5:00' }));
    cleanup();
    render(<LookupErrorView error={{ kind: 'rate-limited', status: 429 }} t={t} now={now} />);
    expect(screen.queryByRole('timer')).toBeNull();
  });

  it('offers Retry only for held credentials', () => {
    const onRetry = vi.fn();
    render(<LookupErrorView error={{ kind: 'ip-not-allowed', status: 403 }} t={t} onRetry={onRetry} />);
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
    cleanup();
    render(<LookupErrorView error={{ kind: 'ip-not-allowed', status: 403, held: true }} t={t} onRetry={onRetry} />);
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(onRetry).toHaveBeenCalledOnce();
  });
});
