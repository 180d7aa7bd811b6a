// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RequestEconomyPanel } from '@/components/request-economy-panel';
import { createTranslator } from '@/utils/i18n/translate';
import type { UsageReport } from '@/utils/lookup/request-economy';

afterEach(cleanup);

const t = createTranslator('en');
const usage: UsageReport = {
  requestsLastHour: 12,
  requestsLastDay: 140,
  cacheHitsLastDay: 33,
  ratePerSecond: 1,
  slowedDown: true,
  breaker: { phase: 'open', reason: 'rate-limited', resumesAt: Date.UTC(2026, 11, 2, 9, 1) },
  recentTrips: [{ at: Date.UTC(2026, 11, 2, 9, 0), reason: 'rate-limited', pauseMs: 60_000 }],
};

describe('RequestEconomyPanel', () => {
  it('shows the usage, the current (halved) rate, the pause and its recent trips', () => {
    render(<RequestEconomyPanel t={t} locale="en" rate={2} usage={usage} onRateChange={() => {}} />);
    const value = (label: string) => screen.getByText(label).nextElementSibling?.textContent;
    expect(value(t('options.usageHour'))).toBe('12');
    expect(value(t('options.usageDay'))).toBe('140');
    expect(value(t('options.usageCacheHits'))).toBe('33');
    expect(value(t('options.usageRate'))).toBe(t('options.usageRateSlowed', { rate: 1 }));
    expect(value(t('options.breaker'))).toMatch(/^Paused until /);
    expect(screen.getByRole('listitem').textContent).toContain('too many requests (429), paused 1 min');
  });

  it('saves a rate within 0.5–8 and refuses others with a message', () => {
    const onRateChange = vi.fn();
    render(<RequestEconomyPanel t={t} locale="en" rate={2} onRateChange={onRateChange} />);
    const input = screen.getByLabelText(t('options.rate'));
    fireEvent.change(input, { target: { value: '12' } });
    expect(screen.getByText(t('options.rateInvalid'))).toBeTruthy();
    expect(onRateChange).not.toHaveBeenCalled();
    fireEvent.change(input, { target: { value: '4' } });
    expect(onRateChange).toHaveBeenCalledWith(4);
    expect(screen.queryByText(t('options.rateInvalid'))).toBeNull();
  });
});
