// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AnswerEntry, AnswerForm, type AnswerError, type AnswerFormProps } from '../../../components/answer-form';
import type { Result } from '../../../utils/coupang/error-kinds';
import { en } from '../../../utils/i18n/en';
import { createTranslator } from '../../../utils/i18n/translate';
import type { WriteValue } from '../../../utils/messaging';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const t = createTranslator('en');
/** happy-dom's events are untrusted; the seam counts them as the seller's unless a test says otherwise. */
const allTrusted = () => true;

function setup(overrides: Partial<AnswerFormProps> = {}) {
  const props: AnswerFormProps = {
    t,
    inquiryId: '1015668177',
    deadline: 'Dec 6, 18:00',
    initialText: '',
    wingUserId: 'seller01',
    onWingUserId: vi.fn(),
    onDraft: vi.fn(),
    onDiscard: vi.fn(),
    onClose: vi.fn(),
    send: vi.fn(async (): Promise<Result<WriteValue, AnswerError>> => ({ ok: true, value: {} })),
    trusted: allTrusted,
    draftDelayMs: 300,
    ...overrides,
  };
  render(<AnswerForm {...props} />);
  return props;
}

const box = () => screen.getByRole('textbox', { name: en['answer.textLabel'] }) as HTMLTextAreaElement;
const type = (text: string) => fireEvent.input(box(), { target: { value: text } });
const press = (name: string) => fireEvent.click(screen.getByRole('button', { name }));

describe('AnswerForm', () => {
  it('opens with the draft in the text box, focused, the count against 1000 and the deadline in view', () => {
    setup({ initialText: 'Hello there' });
    expect(box().value).toBe('Hello there');
    expect(document.activeElement).toBe(box());
    expect(screen.getByText('11 / 1000 characters')).toBeTruthy();
    expect(screen.getByText('Reply by Dec 6, 18:00')).toBeTruthy();
  });

  it('reviews exactly the text that will be sent; Back to editing sends nothing; Send to Coupang sends once', async () => {
    const props = setup();
    type('We shipped it today.\r\nThank you.');
    press('Review answer');
    // Exactly what is sent: line breaks as \n (a CR makes Coupang refuse the body), nothing else changed.
    expect(document.querySelector('.answer-exact')?.textContent).toBe('We shipped it today.\nThank you.');
    expect(screen.getByText(en['answer.final'])).toBeTruthy();
    press('Back to editing');
    expect(props.send).not.toHaveBeenCalled();
    expect(box().value).toBe('We shipped it today.\r\nThank you.');
    press('Review answer');
    const send = screen.getByRole('button', { name: 'Send to Coupang' });
    fireEvent.click(send);
    fireEvent.click(send);
    expect(props.send).toHaveBeenCalledTimes(1);
    expect(props.send).toHaveBeenCalledWith('We shipped it today.\nThank you.', 'seller01');
    expect(await screen.findByText(en['answer.sent'])).toBeTruthy();
  });

  it.each([
    ['', en['answer.problem.empty']],
    ['a', en['answer.problem.tooShort']],
    ['x'.repeat(1001), en['answer.problem.tooLong']],
  ])('refuses a text of that length (%#) before anything is sent, with a message next to the text', (text, message) => {
    const props = setup();
    type(text);
    press('Review answer');
    expect(screen.getByRole('alert').textContent).toBe(message);
    expect(box().getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByRole('button', { name: 'Send to Coupang' })).toBeNull();
    expect(props.send).not.toHaveBeenCalled();
  });

  it('asks for the Wing user ID the first time only, and remembers it', () => {
    const props = setup({ wingUserId: '' });
    type('Thanks for waiting.');
    press('Review answer');
    expect(screen.getByRole('alert').textContent).toBe(en['answer.problem.noWingUser']);
    fireEvent.input(screen.getByRole('textbox', { name: 'Wing user ID' }), { target: { value: ' seller01 ' } });
    press('Review answer');
    expect(props.onWingUserId).toHaveBeenCalledWith('seller01');
    cleanup();
    setup({ wingUserId: 'seller01' });
    expect(screen.queryByRole('textbox', { name: 'Wing user ID' })).toBeNull();
  });

  it('saves the draft as the seller types, debounced, and discards it only on Discard', () => {
    vi.useFakeTimers();
    const props = setup();
    type('Hel');
    type('Hello');
    expect(props.onDraft).not.toHaveBeenCalled();
    vi.advanceTimersByTime(300);
    expect(props.onDraft).toHaveBeenCalledTimes(1);
    expect(props.onDraft).toHaveBeenCalledWith('Hello');
    press('Close');
    expect(props.onClose).toHaveBeenCalledTimes(1);
    expect(props.onDiscard).not.toHaveBeenCalled();
    press('Discard');
    expect(props.onDiscard).toHaveBeenCalledTimes(1);
    expect(box().value).toBe('');
  });

  it('saves what was typed since the last save when the form goes away (card closed, page changed)', async () => {
    // Real timers: Preact runs (and so registers) effects on its own timer.
    const props = setup({ draftDelayMs: 100 });
    type('Half a sentence');
    expect(props.onDraft).not.toHaveBeenCalled();
    cleanup();
    // Preact 11 runs an unmounted component's effect cleanups after the next paint.
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(props.onDraft).toHaveBeenCalledTimes(1);
    expect(props.onDraft).toHaveBeenCalledWith('Half a sentence');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(props.onDraft).toHaveBeenCalledTimes(1);
  });

  it('refuses whitespace only, and counts 2 characters after line breaks are normalised', () => {
    const props = setup();
    type('   \n ');
    press('Review answer');
    expect(screen.getByRole('alert').textContent).toBe(en['answer.problem.empty']);
    type('a\r\n');
    expect(screen.getByText('2 / 1000 characters')).toBeTruthy();
    expect(props.send).not.toHaveBeenCalled();
  });

  it('keeps the draft after a failed send, with the error kind’s own message, and offers editing again', async () => {
    const props = setup({ send: vi.fn(async () => ({ ok: false as const, error: { kind: 'rate-limited' as const } })) });
    type('Thanks for waiting.');
    press('Review answer');
    press('Send to Coupang');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(en['error.rate-limited']);
    expect(alert.textContent).toContain(en['answer.draftKept']);
    expect(props.onDiscard).not.toHaveBeenCalled();
    press('Back to editing');
    expect(box().value).toBe('Thanks for waiting.');
  });

  it.each([
    [true, en['answer.unknownFound'], false],
    [false, en['answer.unknownNotFound'], true],
    [undefined, en['answer.unknownNoReadBack'], true],
  ])('an unknown outcome says so, and what the read-back found (%s)', async (readBackFound, line, offersEditing) => {
    setup({ send: vi.fn(async () => ({ ok: false as const, error: { kind: 'gateway-timeout' as const, outcomeUnknown: true, readBackFound } })) });
    type('Thanks for waiting.');
    press('Review answer');
    press('Send to Coupang');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Coupang did not confirm the answer — it may or may not have arrived');
    expect(alert.textContent).toContain(line);
    expect(screen.queryByRole('button', { name: 'Back to editing' }) !== null).toBe(offersEditing);
  });

  it('disables Send while the store is paused, with the countdown', () => {
    const props = setup({ now: () => 1_000_000, pausedUntil: 1_030_000 });
    type('Thanks for waiting.');
    press('Review answer');
    const send = screen.getByRole('button', { name: 'Send to Coupang' }) as HTMLButtonElement;
    expect(send.disabled).toBe(true);
    expect(screen.getByRole('status').textContent).toContain('30 s');
    fireEvent.click(send);
    expect(props.send).not.toHaveBeenCalled();
  });

  it('says a sample answer was answered locally', async () => {
    setup({ send: vi.fn(async () => ({ ok: true as const, value: { sample: true } })) });
    type('Thanks for waiting.');
    press('Review answer');
    press('Send to Coupang');
    expect(await screen.findByText('Sample — nothing was sent')).toBeTruthy();
  });

  it('confirms a transfer with the same review step and no text', async () => {
    const props = setup({ mode: 'confirm' });
    expect(screen.queryByRole('textbox', { name: en['answer.textLabel'] })).toBeNull();
    press('Review answer');
    press('Confirm transfer');
    expect(props.send).toHaveBeenCalledWith('', 'seller01');
    expect(await screen.findByText(en['answer.confirmed'])).toBeTruthy();
  });

  it('acts on nothing a page script does: untrusted clicks and keys are ignored', () => {
    const props = setup({ trusted: undefined, initialText: 'Thanks for waiting.' });
    press('Review answer');
    expect(screen.queryByRole('button', { name: 'Send to Coupang' })).toBeNull();
    press('Discard');
    press('Close');
    fireEvent.keyDown(box(), { key: 'Escape' });
    expect(props.onDiscard).not.toHaveBeenCalled();
    expect(props.onClose).not.toHaveBeenCalled();
    expect(props.send).not.toHaveBeenCalled();
  });

  it('keeps keys typed in the form from the page’s listeners; Escape goes back, then closes', () => {
    const props = setup({ initialText: 'Thanks for waiting.' });
    const seen: string[] = [];
    const listen = (event: Event) => seen.push(event.type);
    for (const type of ['keydown', 'keyup', 'keypress']) document.addEventListener(type, listen);
    try {
      fireEvent.keyDown(box(), { key: 'j', composed: true });
      fireEvent.keyUp(box(), { key: 'j', composed: true });
      fireEvent.keyPress(box(), { key: 'j', composed: true });
      press('Review answer');
      fireEvent.keyDown(screen.getByRole('button', { name: 'Send to Coupang' }), { key: 'Escape', composed: true });
      expect(box().value).toBe('Thanks for waiting.');
      fireEvent.keyDown(box(), { key: 'Escape', composed: true });
      expect(props.onClose).toHaveBeenCalledTimes(1);
      expect(seen).toEqual([]);
    } finally {
      for (const type of ['keydown', 'keyup', 'keypress']) document.removeEventListener(type, listen);
    }
    expect(props.send).not.toHaveBeenCalled();
  });

  it('has every answer message in Korean and Traditional Chinese', () => {
    for (const locale of ['ko', 'zh-TW'] as const) {
      const tl = createTranslator(locale);
      expect(tl('answer.textLabel')).not.toBe(en['answer.textLabel']);
    }
  });
});

describe('AnswerEntry', () => {
  it('offers Answer on an answerable inquiry, acting only on trusted clicks', () => {
    const onAnswer = vi.fn();
    render(<AnswerEntry t={t} reason={null} onAnswer={onAnswer} />);
    press('Answer');
    expect(onAnswer).not.toHaveBeenCalled();
    cleanup();
    render(<AnswerEntry t={t} reason={null} onAnswer={onAnswer} trusted={allTrusted} />);
    press('Answer');
    expect(onAnswer).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['answered', en['answer.why.answered']],
    ['closed', en['answer.why.closed']],
    ['past-deadline', en['answer.why.pastDeadline']],
  ] as const)('offers no Answer when %s, and says why', (reason, text) => {
    render(<AnswerEntry t={t} reason={reason} onAnswer={vi.fn()} wingUrl="https://wing.coupang.com/" />);
    expect(screen.queryByRole('button', { name: 'Answer' })).toBeNull();
    expect(screen.getByText(text)).toBeTruthy();
    expect(screen.queryByRole('link')).toBeNull();
  });

  it('links to Wing instead when the parent answer cannot be chosen safely', () => {
    render(<AnswerEntry t={t} reason="parent-unsafe" onAnswer={vi.fn()} wingUrl="https://wing.coupang.com/" />);
    expect(screen.queryByRole('button', { name: 'Answer' })).toBeNull();
    expect(screen.getByRole('link', { name: "Open Wing's call center" }).getAttribute('href')).toBe('https://wing.coupang.com/');
  });
});

describe('AnswerForm help with the text', () => {
  it('starts from the counsellor’s form lines when the box is empty', () => {
    setup({ formStart: 'Order: 123\nIssue: late' });
    press("Start from the counsellor's form");
    expect(box().value).toBe('Order: 123\nIssue: late');
    expect(screen.queryByRole('button', { name: "Start from the counsellor's form" })).toBeNull();
  });

  it('inserts a saved answer with two keystrokes: Alt+S lists them, a digit picks one at the caret', () => {
    setup({ initialText: 'Hi. ', saved: ['Thanks for waiting.', 'It ships today.'] });
    box().setSelectionRange(4, 4);
    fireEvent.keyDown(box(), { key: 's', code: 'KeyS', altKey: true });
    expect(screen.getByRole('list', { name: en['answer.savedList'] })).toBeTruthy();
    fireEvent.keyDown(box(), { key: '2', code: 'Digit2' });
    expect(box().value).toBe('Hi. It ships today.');
    expect(screen.queryByRole('list')).toBeNull();
  });

  it('ignores the shortcut from a page script (untrusted)', () => {
    setup({ trusted: undefined, saved: ['Thanks for waiting.'] });
    fireEvent.keyDown(box(), { key: 's', code: 'KeyS', altKey: true });
    expect(screen.queryByRole('list')).toBeNull();
  });
});
