// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { InboxSettings, type NotifyOutcome } from '@/components/inbox-settings';
import { createTranslator } from '@/utils/i18n/translate';
import { changeNotify } from '@/utils/pages/options-page';
import { DEFAULT_SETTINGS } from '@/utils/storage';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

function renderSettings(outcome: NotifyOutcome = 'on', extra: Partial<Parameters<typeof InboxSettings>[0]> = {}) {
  const props = {
    t: createTranslator('en'),
    intervalMinutes: DEFAULT_SETTINGS.inboxIntervalMinutes,
    notify: DEFAULT_SETTINGS.inboxNotify,
    onIntervalChange: vi.fn(),
    onNotifyChange: vi.fn(async (): Promise<NotifyOutcome> => outcome),
    ...extra,
  };
  render(<InboxSettings {...props} />);
  return props;
}

const select = () => screen.getByRole('combobox', { name: 'Refresh the list' }) as HTMLSelectElement;
const checkbox = () => screen.getByRole('checkbox', { name: /Notify me/ }) as HTMLInputElement;

describe('Settings → Awaiting you', () => {
  it('refreshes every 10 minutes and does not notify by default; off and 5–60 minutes are offered', () => {
    renderSettings();
    expect(select().value).toBe('10');
    expect([...select().options].map((option) => option.textContent)).toEqual([
      'Off (only when the popup opens or you press Refresh)',
      'Every 5 minutes',
      'Every 10 minutes',
      'Every 15 minutes',
      'Every 20 minutes',
      'Every 30 minutes',
      'Every 45 minutes',
      'Every 60 minutes',
    ]);
    expect(checkbox().checked).toBe(false);
  });

  it('saves the interval chosen, off included; a stored value between the choices is kept and shown', () => {
    const props = renderSettings('on', { intervalMinutes: 7 });
    expect(select().value).toBe('7');
    fireEvent.change(select(), { target: { value: '0' } });
    expect(props.onIntervalChange).toHaveBeenCalledWith(0);
    expect(select().value).toBe('0');
  });

  it('turns notifications on when the browser allows them', async () => {
    const props = renderSettings('on');
    fireEvent.click(checkbox());
    expect(props.onNotifyChange).toHaveBeenCalledWith(true);
    await waitFor(() => expect(checkbox().disabled).toBe(false));
    expect(checkbox().checked).toBe(true);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('stays off, and says so, when the seller refuses the permission', async () => {
    renderSettings('refused');
    fireEvent.click(checkbox());
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('The browser did not allow notifications, so they stay off.'));
    expect(checkbox().checked).toBe(false);
  });

  it('has its own message when the permission could not be asked for', async () => {
    renderSettings('failed');
    fireEvent.click(checkbox());
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('could not ask for the notification permission'));
    expect(checkbox().checked).toBe(false);
  });
});

describe('changeNotify (the options page wiring)', () => {
  it('asks for the permission at once, inside the click, and saves only when granted', async () => {
    const request = vi.fn(async () => true);
    const save = vi.fn(async () => undefined);
    const outcome = changeNotify({ request }, true, save);
    expect(request).toHaveBeenCalledWith({ permissions: ['notifications'] }); // before any await
    expect(await outcome).toBe('on');
    expect(save).toHaveBeenCalledWith({ inboxNotify: true });
  });

  it('refused: nothing saved', async () => {
    const save = vi.fn(async () => undefined);
    expect(await changeNotify({ request: async () => false }, true, save)).toBe('refused');
    expect(save).not.toHaveBeenCalled();
  });

  it('a permission request that throws or rejects: failed, logged once, nothing saved', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const save = vi.fn(async () => undefined);
    const throwing = () => {
      throw new Error('permissions.request: notifications is not an optional permission');
    };
    expect(await changeNotify({ request: throwing }, true, save)).toBe('failed');
    expect(await changeNotify({ request: async () => Promise.reject(new Error('no gesture')) }, true, save)).toBe('failed');
    expect(save).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledTimes(2);
  });

  it('turning off asks nothing and saves off', async () => {
    const request = vi.fn(async () => true);
    const save = vi.fn(async () => undefined);
    expect(await changeNotify({ request }, false, save)).toBe('off');
    expect(request).not.toHaveBeenCalled();
    expect(save).toHaveBeenCalledWith({ inboxNotify: false });
  });
});
