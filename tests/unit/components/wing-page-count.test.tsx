// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WingPageCount } from '@/components/wing-page-count';
import { createTranslator, type Locale } from '@/utils/i18n/translate';
import type { WingTabState } from '@/utils/pages/wing-tab-count';

afterEach(cleanup);

function show(answer: WingTabState, locale: Locale = 'en') {
  const onOpenOptions = vi.fn();
  render(<WingPageCount t={createTranslator(locale)} locale={locale} answer={answer} onOpenOptions={onOpenOptions} />);
  return { text: screen.getByRole('status').textContent, onOpenOptions };
}

describe('the popup’s line about its Wing tab', () => {
  it('says how many inquiry numbers the page shows, and what to do with them', () => {
    expect(show({ state: 'counted', count: 12, complete: true }).text).toBe('12 inquiry numbers on this page — rest the pointer on one.');
    cleanup();
    expect(show({ state: 'counted', count: 1, complete: true }).text).toBe('1 inquiry number on this page — rest the pointer on it.');
    cleanup();
    expect(show({ state: 'counted', count: 10_000, complete: false }).text).toBe('At least 10,000 inquiry numbers on this page — rest the pointer on one.');
    cleanup();
    expect(show({ state: 'counted', count: 12, complete: true }, 'ko').text).toBe('이 페이지에 상담번호 12개 — 번호 위에 포인터를 올려 두세요.');
  });

  it('none found: add the column’s heading in Settings (one click away), or use the context menu on a selected number', () => {
    const { text, onOpenOptions } = show({ state: 'counted', count: 0, complete: true });
    expect(text).toContain('add its heading in Settings');
    expect(text).toContain('right-click it and choose “Look up inquiry …”');
    fireEvent.click(screen.getByRole('button', { name: 'Add a column heading' }));
    expect(onOpenOptions).toHaveBeenCalledOnce();
  });

  it('cards off or product Q&A: says why there are no cards', () => {
    const off = show({ state: 'cards-off' });
    expect(off.text).toContain('Hover cards are off on Wing');
    fireEvent.click(screen.getByRole('button', { name: 'Settings' }));
    expect(off.onOpenOptions).toHaveBeenCalledOnce();
    cleanup();
    expect(show({ state: 'out-of-scope' }).text).toContain('product Q&A numbers are not call-center inquiries');
  });
});

describe('a Wing tab whose script no longer answers (issue 16 item 14)', () => {
  it('tells the seller to reload the tab', () => {
    expect(show({ state: 'reload-tab' }).text).toBe('Reload this Wing tab to see inquiry cards: CS Lens was updated since it was opened.');
  });
});
