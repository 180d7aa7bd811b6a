// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { InquiryDetails, type InquiryDetailsProps } from '../../../components/inquiry-details';
import type { Inquiry } from '../../../utils/coupang/inquiry';
import { createTranslator, type Locale } from '../../../utils/i18n/translate';
import {
  bareInquiry,
  completeInquiry,
  counsellorNote,
  HOUR,
  MINUTE,
  NOW,
  REQUEST_AT,
  sellerReply,
  unansweredInquiry,
} from './inquiries';

afterEach(cleanup);

function show(inquiry: Inquiry, options: Partial<Omit<InquiryDetailsProps, 't' | 'locale'>> & { locale?: Locale } = {}) {
  const locale = options.locale ?? 'en';
  const props: InquiryDetailsProps = { inquiry, t: createTranslator(locale), now: NOW, timeZone: 'Asia/Seoul', ...options, locale };
  const result = render(<InquiryDetails {...props} />);
  const region = screen.getByRole('region', { name: createTranslator(locale)('details.region', { id: inquiry.inquiryId }) });
  return { ...result, region, rerenderWith: (next: Partial<InquiryDetailsProps>) => result.rerender(<InquiryDetails {...props} {...next} />) };
}

const text = (element: Element) => element.textContent ?? '';

describe('InquiryDetails: a complete inquiry', () => {
  it('shows both statuses in words and no deadline', () => {
    const { region } = show(completeInquiry());
    expect(within(region).getByText('Complete')).toBeTruthy();
    expect(within(region).getByText('Answered', { selector: '.csl-badge' })).toBeTruthy();
    expect(text(region)).not.toMatch(/left to answer|Overdue/);
  });

  it('shows the item, option IDs, dates with relative time, order, category and sale period', () => {
    const { region } = show(completeInquiry({ vendorItemIds: ['75235680736', '75235680737'] }));
    expect(within(region).getByRole('heading', { name: '제주 삼다수, 2L, 6개' })).toBeTruthy();
    expect(text(region)).toContain('75235680736, 75235680737');
    const facts = region.querySelector('dl.csl-facts')!;
    const fact = (label: string) => text(within(facts as HTMLElement).getByText(label).nextElementSibling!);
    expect(fact('Inquired')).toBe('Jan 15, 2025, 17:02 · 18 hours ago');
    expect(fact('Answered')).toBe('Jan 15, 2025, 19:12 · 16 hours ago');
    expect(fact('Ordered')).toBe('Jan 14, 2025, 10:30 · 2 days ago');
    expect(fact('Order ID')).toBe('19000001234567');
    expect(fact('Category')).toBe('배송 › 배송 › 배송');
    expect(fact('Sale period')).toBe('2023-07-24 – no end');
    expect(region.querySelector('time')?.getAttribute('datetime')).toMatch(/^2025-01-15T/);
  });

  it('lists every reply oldest first: who, when, content and transfer in words', () => {
    const { region } = show(completeInquiry());
    const replies = within(region).getAllByRole('listitem');
    expect(replies).toHaveLength(2);
    const [note, answer] = replies as [HTMLElement, HTMLElement];
    expect(within(note).getByText('Counsellor')).toBeTruthy();
    expect(within(note).getByText('OO스토아')).toBeTruthy();
    expect(text(note)).toContain('Jan 15, 2025, 17:12 · 18 hours ago');
    expect(text(note)).toContain('Transfer: Seller answered · Reason: Confirmed by seller (판매자확인)');
    expect(within(answer).getByText('Seller')).toBeTruthy();
    expect(text(answer)).toContain('확인했습니다.\n회수 진행하겠습니다.');
    expect(text(answer)).not.toContain('Transfer');
  });

  it('keeps the answer-needed badge of an answered note but does not highlight it', () => {
    const { region } = show(completeInquiry());
    const badge = within(region).getByText('Answer needed');
    expect(badge.className).not.toContain('csl-badge--alert');
  });
});

describe('InquiryDetails: an unanswered inquiry', () => {
  it('puts the time left first, highlighted', () => {
    const { region } = show(unansweredInquiry());
    const deadline = region.querySelector('.csl-deadline')!;
    expect(text(deadline)).toBe('5 h 12 min left to answer · due Jan 16, 2025, 17:12');
    expect(deadline.className).toContain('csl-deadline--soon');
    expect(region.querySelector('.csl-header')?.nextElementSibling).toBe(deadline);
  });

  it('highlights the counsellor note that asks for an answer', () => {
    const { region } = show(unansweredInquiry());
    const [reply] = within(region).getAllByRole('listitem') as [HTMLElement];
    const badge = within(reply).getByText('Answer needed');
    expect(badge.className).toContain('csl-badge--alert');
    expect(text(reply)).toContain('Transfer: Answer requested from seller');
    expect(text(reply)).not.toContain('Reason');
    expect(within(region).getByText('Answer needed', { selector: '.csl-status .csl-badge' }).className).toContain('csl-badge--alert');
  });

  it('says how long it is overdue', () => {
    const { region } = show(unansweredInquiry(), { now: REQUEST_AT + 26 * HOUR + 5 * MINUTE });
    const deadline = region.querySelector('.csl-deadline')!;
    expect(text(deadline)).toContain('Overdue by 2 h 5 min');
    expect(deadline.className).toContain('csl-deadline--overdue');
  });

  it('drops the deadline once the seller has replied', () => {
    const { region } = show(unansweredInquiry({ replies: [counsellorNote(), sellerReply()] }));
    expect(region.querySelector('.csl-deadline')).toBeNull();
  });

  it('says the deadline is unknown when the request time cannot be read, instead of showing none', () => {
    const { region } = show(unansweredInquiry({ replies: [counsellorNote({ replyAt: undefined })] }));
    expect(text(region.querySelector('.csl-deadline')!)).toContain('Deadline unknown');
  });

  it('keeps the inquiry text and reply line breaks', () => {
    const { region } = show(unansweredInquiry({ content: '첫 줄\r\n둘째 줄\n\n넷째 줄' }));
    const content = within(region).getByText(/첫 줄/);
    expect(content.className).toContain('csl-text');
    expect(text(content)).toBe('첫 줄\n둘째 줄\n\n넷째 줄');
  });
});

describe('InquiryDetails: missing data', () => {
  it('says there are no replies', () => {
    const { region } = show(unansweredInquiry({ replies: [] }));
    expect(within(region).getByText('No replies yet.')).toBeTruthy();
    expect(within(region).queryAllByRole('listitem')).toHaveLength(0);
    expect(region.querySelector('.csl-deadline')).toBeNull();
  });

  it('renders an inquiry with only its ID without failing', () => {
    const { region } = show(bareInquiry());
    expect(within(region).getByText('1015668177')).toBeTruthy();
    expect(within(region).getByText('Status unknown')).toBeTruthy();
    expect(within(region).getByText('No inquiry text.')).toBeTruthy();
    expect(within(region).getByText('No replies yet.')).toBeTruthy();
    expect(within(region).getAllByText('—').length).toBeGreaterThanOrEqual(7);
    expect(within(region).queryByRole('button')).toBeNull();
  });

  it('shows an unknown reply author and transfer values as sent', () => {
    const { region } = show(
      unansweredInquiry({
        replies: [counsellorNote({ answerType: 'bot', needAnswer: false, partnerTransferStatus: 'escalated', partnerTransferCompleteReason: 'TIMEOUT' })],
      }),
    );
    const [reply] = within(region).getAllByRole('listitem') as [HTMLElement];
    expect(within(reply).getByText('Reply')).toBeTruthy();
    expect(text(reply)).toContain('Transfer: escalated · Reason: TIMEOUT');
  });
});

describe('InquiryDetails: buyer phone', () => {
  it('is masked by default, here and in the texts', () => {
    const { region } = show(unansweredInquiry({ content: '연락처 010-5555-6666' }));
    expect(text(region)).toContain('010-****-5432');
    expect(text(region)).toContain('010-****-5678');
    expect(text(region)).toContain('010-****-6666');
    expect(text(region)).not.toMatch(/9876|1234-5678|5555/);
    const toggle = within(region).getByRole('button', { name: 'Show' });
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
  });

  it('is revealed by the button and hidden again', () => {
    const { region } = show(unansweredInquiry());
    fireEvent.click(within(region).getByRole('button', { name: 'Show' }));
    const toggle = within(region).getByRole('button', { name: 'Hide' });
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    expect(text(region)).toContain('010-9876-5432');
    expect(text(region)).toContain('010-1234-5678');
    fireEvent.click(toggle);
    expect(within(region).getByRole('button', { name: 'Show' }).getAttribute('aria-pressed')).toBe('false');
    expect(text(region)).not.toContain('010-9876-5432');
  });

  it('starts masked again for another inquiry', () => {
    const { region, rerenderWith } = show(unansweredInquiry());
    fireEvent.click(within(region).getByRole('button', { name: 'Show' }));
    rerenderWith({ inquiry: unansweredInquiry({ inquiryId: '258799947' }) });
    const next = screen.getByRole('region', { name: 'Inquiry 258799947' });
    expect(text(next)).toContain('010-****-5432');
    expect(within(next).getByRole('button', { name: 'Show' })).toBeTruthy();
  });

  it('offers the toggle when only a reply holds a phone number', () => {
    const { region } = show(unansweredInquiry({ buyerPhone: undefined }));
    expect(text(region)).toContain('010-****-5678');
    fireEvent.click(within(region).getByRole('button', { name: 'Show' }));
    expect(text(region)).toContain('010-1234-5678');
  });
});

describe('InquiryDetails: text from the API', () => {
  it('renders markup as text, never as elements', () => {
    const markup = '<img src=x onerror="alert(1)"><b>bold</b><script>alert(2)</script>';
    const { region, container } = show(
      unansweredInquiry({
        itemName: markup,
        content: markup,
        receiptCategory: '<i>배송</i>>배송',
        replies: [counsellorNote({ content: markup, receptionistName: '<u>name</u>' })],
      }),
    );
    expect(container.querySelector('img, b, script, i, u')).toBeNull();
    expect(within(region).getByRole('heading', { name: markup })).toBeTruthy();
    expect(within(region).getAllByText(markup)).toHaveLength(3);
  });
});

describe('InquiryDetails: Korean', () => {
  it('renders Korean words', () => {
    const { region } = show(unansweredInquiry(), { locale: 'ko' });
    expect(screen.getByRole('region', { name: '문의 258799946' })).toBe(region);
    expect(within(region).getByText('처리 중')).toBeTruthy();
    expect(within(region).getAllByText('답변 필요')).toHaveLength(2);
    expect(text(region.querySelector('.csl-deadline')!)).toBe('답변 기한까지 5시간 12분 남음 · 기한 2025. 1. 16. 17:12');
    expect(within(region).getByText('상담사')).toBeTruthy();
    expect(within(region).getByText('판매자 답변 요청', { exact: false })).toBeTruthy();
    expect(text(region)).toContain('2023-07-24 – 종료일 없음');
    expect(within(region).getByRole('button', { name: '보기' })).toBeTruthy();
  });

  it('words a completed inquiry in Korean', () => {
    const { region } = show(completeInquiry(), { locale: 'ko' });
    expect(within(region).getByText('처리 완료')).toBeTruthy();
    expect(within(region).getByText('답변 완료', { selector: '.csl-badge' })).toBeTruthy();
    expect(text(region)).toContain('완료 사유: 판매자확인');
  });
});

describe('InquiryDetails: compact (hover card)', () => {
  it('shows the latest counsellor note up front and collapses the replies', () => {
    const later = counsellorNote({ answerId: '2', replyAt: REQUEST_AT + HOUR, content: '추가 확인 부탁드립니다.' });
    const { region } = show(unansweredInquiry({ replies: [counsellorNote(), later] }), { compact: true });
    const note = within(region).getByRole('heading', { name: 'Latest counsellor note' }).parentElement!;
    expect(text(note)).toContain('추가 확인 부탁드립니다.');
    // A button that opens the replies, not <details> (issue 19: inserting one cost the whole page a style recalc).
    expect(region.querySelector('details')).toBeNull();
    const toggle = within(region).getByRole('button', { name: 'Replies (2)' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    const panel = region.querySelector(`#${CSS.escape(toggle.getAttribute('aria-controls')!)}`) as HTMLElement;
    expect(panel.hidden).toBe(true);
    expect(within(panel).queryAllByRole('listitem', { hidden: true })).toHaveLength(0);
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(panel.hidden).toBe(false);
    expect(within(panel).getAllByRole('listitem')).toHaveLength(2);
    fireEvent.click(toggle);
    expect(panel.hidden).toBe(true);
    const order = [...region.querySelectorAll('.csl-deadline, .csl-note, .csl-section')].map((element) =>
      element.classList.contains('csl-deadline') ? 'deadline' : element.classList.contains('csl-note') ? 'note' : element.tagName.toLowerCase(),
    );
    expect(order).toEqual(['deadline', 'note', 'div', 'div']);
  });

  it('says there are no replies without an empty collapsible', () => {
    const { region } = show(unansweredInquiry({ replies: [] }), { compact: true });
    expect(within(region).queryByRole('button', { name: /^Replies/ })).toBeNull();
    expect(within(region).getByText('No replies yet.')).toBeTruthy();
  });
});

describe('InquiryDetails: freshness', () => {
  it.each([
    ['Fetched 2 minutes ago', 2 * MINUTE, 'en'],
    ['Fetched just now', 10_000, 'en'],
    ['3시간 전 조회', 3 * HOUR, 'ko'],
  ] as const)('says "%s"', (line, age, locale) => {
    const { region } = show(completeInquiry(), { fetchedAt: NOW - age, locale });
    expect(within(region).getByText(line)).toBeTruthy();
  });

  it('has no fetched line without fetchedAt', () => {
    const { region } = show(completeInquiry());
    expect(region.querySelector('.csl-fetched')).toBeNull();
  });
});
