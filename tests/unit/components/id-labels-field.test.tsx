// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { IdLabelsField } from '@/components/id-labels-field';
import { OptionsForm } from '@/components/options-form';
import { BUILT_IN_LABELS } from '@/utils/detect/labels';
import { en } from '@/utils/i18n/en';
import { createTranslator } from '@/utils/i18n/translate';
import { DEFAULT_SETTINGS } from '@/utils/storage';

afterEach(cleanup);

const t = createTranslator('en');
const box = () => screen.getByLabelText(en['options.labelsExtra']) as HTMLTextAreaElement;
const type = (value: string) => fireEvent.input(box(), { target: { value } });
const save = () => fireEvent.click(screen.getByRole('button', { name: en['options.labelsSave'] }));

function renderField(labels: string[] = [], onSave = vi.fn(async (_labels: string[]) => undefined)) {
  render(<IdLabelsField t={t} labels={labels} onSave={onSave} />);
  return onSave;
}

describe('column headings and labels field', () => {
  it('shows the built-in labels read-only, the explanation, and the saved ones one per line', () => {
    renderField(['접수번호', 'Ticket No.']);
    const builtIn = screen.getByRole('list', { name: en['options.labelsBuiltIn'] });
    expect([...builtIn.querySelectorAll('li')].map((li) => li.textContent)).toEqual([...BUILT_IN_LABELS]);
    expect(builtIn.querySelector('input, textarea, button')).toBeNull();
    expect(screen.getByText(/If Wing renames the column, add its new heading here/)).toBeTruthy();
    expect(box().value).toBe('접수번호\nTicket No.');
    expect(box().getAttribute('aria-describedby')).toBe('extraIdLabels-help');
  });

  it('saves the lines trimmed, without empties, and says which ones it left out as already there', async () => {
    const onSave = renderField();
    type('  접수번호 \n\n상담번호\n접수 번호\nTicket No.');
    save();
    expect((await screen.findByRole('status')).textContent).toBe('Saved. Left out, already in the list: 상담번호, 접수 번호');
    expect(onSave).toHaveBeenCalledWith(['접수번호', 'Ticket No.']);
    expect(box().value).toBe('접수번호\nTicket No.');
  });

  it('bad lines: nothing is saved, each is named with its reason, and the text stays as typed', async () => {
    const onSave = renderField(['접수번호']);
    const typed = '접수번호\n12345\n' + 'x'.repeat(41) + '\nN';
    type(typed);
    save();
    const alert = await screen.findByRole('alert');
    expect([...alert.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      '“12345”: a heading needs letters. Digits or punctuation alone would mark any number.',
      `“${'x'.repeat(41)}”: too long, at most 40 characters.`,
      '“N”: too short. Use the heading as Wing shows it.',
    ]);
    expect(alert.textContent).toContain(en['options.labels.notSaved']);
    expect(onSave).not.toHaveBeenCalled();
    expect(box().value).toBe(typed);
    expect(box().getAttribute('aria-invalid')).toBe('true');
    expect(box().getAttribute('aria-describedby')).toBe('extraIdLabels-help extraIdLabels-problems');
  });

  it('a failed save says so and keeps the text', async () => {
    renderField([], vi.fn(async () => Promise.reject(new Error('quota'))));
    type('접수번호');
    save();
    expect((await screen.findByRole('alert')).textContent).toBe(en['options.labels.saveFailed']);
    expect(box().value).toBe('접수번호');
  });

  it('in the settings page, saves through onSettingsChange like every other setting', async () => {
    const onSettingsChange = vi.fn(async (patch: object) => ({ ...DEFAULT_SETTINGS, ...patch }));
    render(
      <OptionsForm
        t={t}
        status={{ hasSecret: false, accessKey: '', vendorId: '' }}
        settings={{ ...DEFAULT_SETTINGS, extraIdLabels: ['접수번호'] }}
        onSave={vi.fn()}
        onClearSecret={vi.fn()}
        onTest={vi.fn()}
        onSettingsChange={onSettingsChange}
        locale="en"
        now={() => 0}
        onSetKeyIssued={vi.fn()}
        onOpenDemo={vi.fn()}
      />,
    );
    expect(box().value).toBe('접수번호');
    type('접수번호\n처리번호');
    save();
    await screen.findByText(en['options.saved']);
    expect(onSettingsChange).toHaveBeenCalledWith({ extraIdLabels: ['접수번호', '처리번호'] });
  });
});
