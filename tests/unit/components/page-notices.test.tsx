// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HoverCard, type HoverCardProps } from '../../../components/hover-card';
import { PageNotices, type PageMode } from '../../../components/page-notices';
import { createTranslator } from '../../../utils/i18n/translate';
import { SAMPLE_INQUIRIES } from '../../../utils/samples/sample-inquiries';
import { NOW, unansweredInquiry } from './inquiries';

afterEach(cleanup);

const DAY = 24 * 60 * 60 * 1000;
const t = createTranslator('en');

function notices(mode: PageMode, keyExpiresAt?: number) {
  const on = { onSetUpKeys: vi.fn(), onTrySamples: vi.fn(), onLeaveSamples: vi.fn(), onOpenDemo: vi.fn(), onShowSample: vi.fn() };
  render(<PageNotices t={t} locale="en" mode={mode} now={NOW} keyExpiresAt={keyExpiresAt} {...on} />);
  return on;
}

describe('page notices', () => {
  it('without keys: one line that keys are needed, Set up keys and Try with sample inquiries', () => {
    const on = notices('needs-keys');
    expect(screen.getByText('Lookups need your Coupang Open API keys.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Set up keys' }));
    fireEvent.click(screen.getByRole('button', { name: 'Try with sample inquiries' }));
    expect(on.onSetUpKeys).toHaveBeenCalledTimes(1);
    expect(on.onTrySamples).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('note')).toBeNull();
  });

  it('in sample mode: the banner, one-click leave, every sample number one click away, and the demo link', () => {
    const on = notices('sample');
    expect(screen.getByRole('note').textContent).toContain('Sample data — nothing is sent to Coupang.');
    fireEvent.click(screen.getByRole('button', { name: 'Leave sample mode' }));
    expect(on.onLeaveSamples).toHaveBeenCalledTimes(1);
    const list = screen.getByRole('navigation', { name: 'Sample inquiries' });
    for (const sample of SAMPLE_INQUIRIES) fireEvent.click(within(list).getByRole('button', { name: new RegExp(`^${sample.id}`) }));
    expect(on.onShowSample.mock.calls.map(([id]) => id)).toEqual(SAMPLE_INQUIRIES.map((sample) => sample.id));
    fireEvent.click(screen.getByRole('button', { name: 'See the hover cards on a Wing-like demo page' }));
    expect(on.onOpenDemo).toHaveBeenCalledTimes(1);
  });

  it('with keys: nothing, or the quiet reminder with a link to Wing once the expiry is near', () => {
    notices('ready');
    expect(document.body.textContent).toBe('');
    cleanup();
    notices('ready', NOW + 10 * DAY);
    const note = screen.getByRole('note');
    expect(note.textContent).toMatch(/^Your Open API key expires around .+\. Reissue it in Wing/);
    expect(within(note).getByRole('link', { name: 'Open Wing' }).getAttribute('href')).toMatch(/^https:\/\/wing\.coupang\.com\//);
    cleanup();
    notices('ready', NOW - DAY);
    expect(screen.getByRole('note').textContent).toMatch(/^Your Open API key has probably expired/);
  });
});

describe('hover card: sample data and the key reminder', () => {
  const noop = () => undefined;
  const base: Omit<HoverCardProps, 'state'> = {
    id: '7000000001',
    t,
    locale: 'en',
    now: NOW,
    timeZone: 'Asia/Seoul',
    pinned: false,
    onCopyId: noop,
    onCopySummary: noop,
    onOpenSidePanel: noop,
    onRefresh: noop,
    onTogglePin: noop,
    onDisableCards: noop,
    onClose: noop,
    onOpenOptions: noop,
  };

  it('labels a sample answer and shows the reminder only when the answer carries the expiry', () => {
    const value = { inquiry: unansweredInquiry(), fetchedAt: NOW, fromCache: false };
    const { rerender } = render(<HoverCard {...base} state={{ phase: 'shown', value }} />);
    expect(screen.queryByText('Sample data — nothing is sent to Coupang.')).toBeNull();
    expect(screen.queryByRole('note')).toBeNull();
    rerender(<HoverCard {...base} state={{ phase: 'shown', value: { ...value, sample: true, keyExpiresAt: NOW + 5 * DAY } }} />);
    expect(screen.getByText('Sample data — nothing is sent to Coupang.')).toBeTruthy();
    expect(screen.getByRole('note').textContent).toContain('Your Open API key expires around');
  });
});
