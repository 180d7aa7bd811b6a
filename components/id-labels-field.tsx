import { useState } from 'preact/hooks';
import { MAX_EXTRA_LABELS, MAX_LABEL_LENGTH, checkExtraLabels, type LabelProblem } from '@/utils/detect/extra-labels';
import type { MessageKey } from '@/utils/i18n/en';
import { BUILT_IN_LABELS } from '@/utils/detect/labels';
import type { Translate } from '@/utils/i18n/translate';

export interface IdLabelsFieldProps {
  t: Translate;
  /** The seller's saved headings and labels. */
  labels: readonly string[];
  /** Saves the checked list; rejects if storage failed. */
  onSave: (labels: string[]) => Promise<void>;
}

const PROBLEM_TEXT: Record<LabelProblem, MessageKey> = {
  'no-letters': 'options.labels.noLetters',
  'too-short': 'options.labels.tooShort',
  'too-long': 'options.labels.tooLong',
  'too-many': 'options.labels.tooMany',
};

type Feedback = { kind: 'saved'; skipped: string[] } | { kind: 'problems'; lines: string[] } | { kind: 'failed' } | undefined;

/**
 * Column headings and labels that mark inquiry numbers, next to the built-in ones (docs/detection.md#seller-labels).
 * One per line; nothing is saved while a line is refused, and the text stays as typed so nothing is lost.
 */
export function IdLabelsField({ t, labels, onSave }: IdLabelsFieldProps) {
  const [text, setText] = useState(labels.join('\n'));
  const [feedback, setFeedback] = useState<Feedback>();
  const [saving, setSaving] = useState(false);

  async function save() {
    const checked = checkExtraLabels(text.split('\n'));
    if (checked.problems.length > 0) {
      const lines = checked.problems.map(({ entry, problem }) => t(PROBLEM_TEXT[problem], { label: entry, max: problem === 'too-many' ? MAX_EXTRA_LABELS : MAX_LABEL_LENGTH }));
      setFeedback({ kind: 'problems', lines });
      return;
    }
    setSaving(true);
    try {
      await onSave(checked.labels);
      setText(checked.labels.join('\n'));
      setFeedback({ kind: 'saved', skipped: checked.skipped });
    } catch {
      // Logged by the page's wiring (utils/pages/options-page.tsx); the field says the headings were not saved.
      setFeedback({ kind: 'failed' });
    } finally {
      setSaving(false);
    }
  }

  const invalid = feedback?.kind === 'problems';
  return (
    <fieldset>
      <legend>{t('options.labels')}</legend>
      <p id="extraIdLabels-help" class="csl-muted">
        {t('options.labelsHelp')}
      </p>
      <div class="csl-field">
        <span id="builtInLabels-name">{t('options.labelsBuiltIn')}</span>
        <ul class="csl-chips" aria-labelledby="builtInLabels-name">
          {BUILT_IN_LABELS.map((label) => (
            <li key={label} class="csl-chip">
              {label}
            </li>
          ))}
        </ul>
      </div>
      <div class="csl-field">
        <label for="extraIdLabels">{t('options.labelsExtra')}</label>
        <textarea
          id="extraIdLabels"
          rows={4}
          value={text}
          spellcheck={false}
          placeholder="접수번호"
          aria-invalid={invalid ? 'true' : undefined}
          aria-describedby={invalid ? 'extraIdLabels-help extraIdLabels-problems' : 'extraIdLabels-help'}
          onInput={(event) => setText(event.currentTarget.value)}
        />
        {feedback?.kind === 'problems' && (
          <div id="extraIdLabels-problems" class="csl-input-problem" role="alert">
            <p>{t('options.labels.notSaved')}</p>
            <ul>
              {feedback.lines.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </div>
        )}
      </div>
      <div class="csl-actions">
        <button type="button" onClick={() => void save()} disabled={saving}>
          {t('options.labelsSave')}
        </button>
      </div>
      {feedback?.kind === 'saved' && (
        <p class="csl-feedback csl-feedback-ok" role="status">
          {feedback.skipped.length > 0 ? t('options.labels.savedSkipping', { labels: feedback.skipped.join(', ') }) : t('options.saved')}
        </p>
      )}
      {feedback?.kind === 'failed' && (
        <p class="csl-input-problem" role="alert">
          {t('options.labels.saveFailed')}
        </p>
      )}
    </fieldset>
  );
}
