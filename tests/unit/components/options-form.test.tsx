// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OptionsForm } from '@/components/options-form';
import { createTranslator } from '@/utils/i18n/translate';
import type { CredentialsStatus } from '@/utils/messaging';
import { DEFAULT_SETTINGS } from '@/utils/storage';

afterEach(cleanup);

const NOW = new Date(2026, 11, 2, 12, 0).getTime();
const DAY = 24 * 60 * 60 * 1000;
const EMPTY: CredentialsStatus = { hasSecret: false, accessKey: '', vendorId: '' };

function renderForm(status = EMPTY, overrides: Partial<Parameters<typeof OptionsForm>[0]> = {}) {
  const props = {
    t: createTranslator('en'),
    status,
    settings: DEFAULT_SETTINGS,
    onSave: vi.fn(async (input: { accessKey: string; vendorId: string; secretKey?: string }) => ({
      ok: true as const,
      value: { hasSecret: true, accessKey: input.accessKey.trim(), vendorId: input.vendorId.trim().toUpperCase() },
    })),
    onClearSecret: vi.fn(async () => ({ ok: true as const, value: { ...status, hasSecret: false } })),
    onTest: vi.fn(async () => ({ ok: true as const, value: { checkedAt: 0 } })),
    onSettingsChange: vi.fn(async (patch: object) => ({ ...DEFAULT_SETTINGS, ...patch })),
    locale: 'en' as const,
    now: () => NOW,
    onSetKeyIssued: vi.fn(async (issuedAt: number) => ({ ok: true as const, value: { ...status, keyIssuedAt: issuedAt } })),
    onOpenDemo: vi.fn(),
    ...overrides,
  };
  render(<OptionsForm {...props} />);
  return props;
}

const type = (label: string, value: string) => fireEvent.input(screen.getByLabelText(label), { target: { value } });

describe('options form', () => {
  it('labels the three inputs for assistive technology; the secret is a password field', () => {
    renderForm();
    expect(screen.getByLabelText('Access key').getAttribute('type')).toBe('text');
    expect(screen.getByLabelText('Secret key').getAttribute('type')).toBe('password');
    expect(screen.getByLabelText('Vendor ID')).toBeTruthy();
  });

  it('saves trimmed keys and confirms with "Saved"', async () => {
    const props = renderForm();
    type('Access key', '  ak-1 ');
    type('Secret key', 'sk-1');
    type('Vendor ID', 'A00012345');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('status')).textContent).toBe('Saved');
    expect(props.onSave).toHaveBeenCalledWith({ accessKey: '  ak-1 ', vendorId: 'A00012345', secretKey: 'sk-1' });
    expect((screen.getByLabelText('Secret key') as HTMLInputElement).value).toBe('');
    expect(screen.getByText('A secret key is saved. Type a new one to replace it.')).toBeTruthy();
  });

  it('refuses empty fields and spaces inside, saying which field, without saving', () => {
    const props = renderForm();
    type('Access key', 'ak 1');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByText('Access key must not contain spaces.')).toBeTruthy();
    expect(screen.getByText('Vendor ID is required.')).toBeTruthy();
    expect(screen.getByText('Secret key is required.')).toBeTruthy();
    expect(screen.getByLabelText('Access key').getAttribute('aria-invalid')).toBe('true');
    expect(props.onSave).not.toHaveBeenCalled();
  });

  it('warns, but saves, a vendor ID not shaped like A + digits', async () => {
    renderForm();
    type('Access key', 'ak');
    type('Secret key', 'sk');
    type('Vendor ID', 'vendor-7');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('status')).textContent).toContain('Vendor IDs look like A00012345');
  });

  it('keeps a saved secret when saving without typing one, and can clear it', async () => {
    const props = renderForm({ hasSecret: true, accessKey: 'ak', vendorId: 'A00012345' });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Saved');
    expect(props.onSave).toHaveBeenCalledWith({ accessKey: 'ak', vendorId: 'A00012345', secretKey: '' });
    fireEvent.click(screen.getByRole('button', { name: 'Clear secret key' }));
    await screen.findByText('Secret key cleared.');
    expect(screen.getByText('No secret key saved.')).toBeTruthy();
  });

  it('reports each test-connection failure with its own message', async () => {
    const onTest = vi.fn(async () => ({ ok: false as const, error: { kind: 'ip-not-allowed' as const, status: 403 } }));
    renderForm({ hasSecret: true, accessKey: 'ak', vendorId: 'A00012345' }, { onTest });
    fireEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Connection test failed');
    expect(alert.textContent).toContain(createTranslator('en')('error.ip-not-allowed'));
  });

  it('reports a working connection', async () => {
    renderForm({ hasSecret: true, accessKey: 'ak', vendorId: 'A00012345' });
    fireEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    expect((await screen.findByRole('status')).textContent).toContain('Connection works');
  });

  it('changes hover-card preferences', async () => {
    const props = renderForm();
    fireEvent.click(screen.getByLabelText('Show inquiry cards on Wing'));
    fireEvent.change(screen.getByLabelText('Hover delay (ms)'), { target: { value: '500' } });
    await screen.findByText('Saved');
    expect(props.onSettingsChange).toHaveBeenCalledWith({ hoverCardsEnabled: false });
    expect(props.onSettingsChange).toHaveBeenCalledWith({ hoverDelayMs: 500 });
  });

  it('a preference the browser refuses to store says "Couldn\'t save", not "Saved" (issue 16, item 17)', async () => {
    const props = renderForm(EMPTY, { onSettingsChange: vi.fn(async () => Promise.reject(new DOMException('full', 'QuotaExceededError'))) });
    fireEvent.click(screen.getByLabelText('Show inquiry cards on Wing'));
    expect((await screen.findByRole('alert')).textContent).toContain("Couldn't save");
    expect(screen.queryByText('Saved')).toBeNull();
    expect(props.onSettingsChange).toHaveBeenCalledWith({ hoverCardsEnabled: false });
  });

  it('marks each setup step done as the seller gets there, the IP and test steps only after a test passed', async () => {
    renderForm();
    const marks = () => [...document.querySelectorAll('.csl-setup-steps li')].map((li) => li.getAttribute('data-done'));
    expect(marks()).toEqual(['false', 'false', 'false', 'false', 'false']);
    type('Access key', 'ak-1');
    type('Secret key', 'sk-1');
    type('Vendor ID', 'A00012345');
    expect(marks()).toEqual(['false', 'false', 'true', 'false', 'false']);
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Saved');
    expect(marks()).toEqual(['true', 'false', 'true', 'true', 'false']);
    fireEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    await screen.findByText(/Connection works/);
    expect(marks()).toEqual(['true', 'true', 'true', 'true', 'true']);
  });

  it('shows when the saved key expires and lets the seller correct the issue date', async () => {
    const issued = NOW - 10 * DAY;
    const props = renderForm({ hasSecret: true, accessKey: 'ak', vendorId: 'A00012345', keyIssuedAt: issued });
    const expires = new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(issued + 180 * DAY);
    expect(screen.getByText(`Expires around ${expires} (keys last 180 days).`)).toBeTruthy();
    const earlier = new Date(2026, 4, 1);
    fireEvent.change(screen.getByLabelText('Key issued on'), { target: { value: '2026-05-01' } });
    expect(props.onSetKeyIssued).toHaveBeenCalledWith(earlier.getTime());
    const later = new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(earlier.getTime() + 180 * DAY);
    await screen.findByText(`Expired around ${later}: reissue the key in Wing.`);
    fireEvent.change(screen.getByLabelText('Key issued on'), { target: { value: '2027-01-01' } });
    expect(screen.getByText('Enter the day the key was issued in Wing (not in the future).')).toBeTruthy();
    expect(props.onSetKeyIssued).toHaveBeenCalledTimes(1);
  });

  it('keys saved before issue dates were recorded: the date is empty, and entering it starts the reminder', async () => {
    const props = renderForm({ hasSecret: true, accessKey: 'ak', vendorId: 'A00012345' });
    expect((screen.getByLabelText('Key issued on') as HTMLInputElement).value).toBe('');
    expect(screen.getByText(/^Not recorded for keys saved before this version/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Key issued on'), { target: { value: '2026-11-01' } });
    expect(props.onSetKeyIssued).toHaveBeenCalledWith(new Date(2026, 10, 1).getTime());
    await screen.findByText(/^Expires around /);
  });
});
