// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AnswerSettings } from '@/components/answer-settings';
import { readAnswerPrefs, type AnswerPrefs } from '@/utils/answer-view/answer-prefs';
import { createTranslator } from '@/utils/i18n/translate';

afterEach(cleanup);

function setup(prefs: AnswerPrefs = { wingUserId: 'seller01', savedAnswers: ['First {item}', 'Second {inquiry}'] }) {
  const onSave = vi.fn(async (next: AnswerPrefs) => readAnswerPrefs(next));
  render(<AnswerSettings t={createTranslator('en')} prefs={prefs} onSave={onSave} />);
  return onSave;
}
const saveButton = () => screen.getByRole('button', { name: 'Save answering settings' });
const entry = (n: number) => screen.getByRole('textbox', { name: `Saved answer ${n}` }) as HTMLTextAreaElement;

describe('Settings › Answering', () => {
  it('changes the Wing user ID; nothing is saved before Save', async () => {
    const onSave = setup();
    fireEvent.input(screen.getByRole('textbox', { name: 'Wing user ID' }), { target: { value: ' other02 ' } });
    expect(onSave).not.toHaveBeenCalled();
    fireEvent.click(saveButton());
    await waitFor(() => expect(onSave).toHaveBeenCalledWith({ wingUserId: 'other02', savedAnswers: ['First {item}', 'Second {inquiry}'] }));
    expect(await screen.findByRole('status')).toBeTruthy();
  });

  it('adds, edits, reorders and deletes saved answers; an empty one is dropped', async () => {
    const onSave = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Add a saved answer' }));
    fireEvent.input(entry(3), { target: { value: 'Third' } });
    fireEvent.input(entry(1), { target: { value: 'First, edited' } });
    fireEvent.click(screen.getByRole('button', { name: 'Move saved answer 3 up' }));
    fireEvent.click(screen.getByRole('button', { name: 'Move saved answer 1 down' }));
    fireEvent.click(screen.getByRole('button', { name: 'Delete saved answer 3' }));
    fireEvent.click(screen.getByRole('button', { name: 'Add a saved answer' }));
    fireEvent.click(saveButton());
    await waitFor(() => expect(onSave).toHaveBeenCalledWith({ wingUserId: 'seller01', savedAnswers: ['Third', 'First, edited'] }));
  });

  it('refuses a saved answer over 1000 characters, naming it, and saves nothing', () => {
    const onSave = setup();
    fireEvent.input(entry(2), { target: { value: 'x'.repeat(1001) } });
    fireEvent.click(saveButton());
    expect(screen.getByRole('alert').textContent).toBe('Saved answer 2 is longer than 1000 characters. Shorten it.');
    expect(onSave).not.toHaveBeenCalled();
  });

  it('offers at most 9 (the digits that insert them)', () => {
    setup({ wingUserId: '', savedAnswers: Array.from({ length: 9 }, (_, i) => `Answer ${i}`) });
    expect((screen.getByRole('button', { name: 'Add a saved answer' }) as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('readAnswerPrefs (what the content script and pages trust from storage.local)', () => {
  it('drops anything malformed or out of bounds instead of throwing', () => {
    expect(readAnswerPrefs(undefined)).toEqual({ wingUserId: '', savedAnswers: [] });
    expect(readAnswerPrefs({ wingUserId: 42, savedAnswers: 'x' })).toEqual({ wingUserId: '', savedAnswers: [] });
    expect(readAnswerPrefs({ wingUserId: 'u'.repeat(101), savedAnswers: ['ok', '', 7, 'y'.repeat(1001)] })).toEqual({ wingUserId: '', savedAnswers: ['ok'] });
    expect(readAnswerPrefs({ wingUserId: ' me ', savedAnswers: Array.from({ length: 12 }, (_, i) => `a${i}`) }).savedAnswers).toHaveLength(9);
  });
});
