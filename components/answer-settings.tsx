import { useState } from 'preact/hooks';
import {
  MAX_SAVED_ANSWER_CHARS,
  MAX_SAVED_ANSWERS,
  MAX_WING_USER_ID,
  type AnswerPrefs,
} from '../utils/answer-view/answer-prefs';
import type { Translate } from '../utils/i18n/translate';

export interface AnswerSettingsProps {
  t: Translate;
  prefs: AnswerPrefs;
  onSave: (prefs: AnswerPrefs) => Promise<AnswerPrefs>;
}

type Problem = { key: 'options.answering.userTooLong' } | { key: 'options.answering.savedTooLong'; n: number };

/**
 * Settings › Answering (docs/answering.md#settings): the Wing user ID (not secret) and the saved answers,
 * added, edited, deleted and put in order. Nothing is saved until Save; a problem names the entry.
 */
export function AnswerSettings({ t, prefs, onSave }: AnswerSettingsProps) {
  const [user, setUser] = useState(prefs.wingUserId);
  const [saved, setSaved] = useState<string[]>(prefs.savedAnswers);
  const [problem, setProblem] = useState<Problem | undefined>(undefined);
  const [done, setDone] = useState(false);

  const edit = (next: string[]) => {
    setSaved(next);
    setDone(false);
    setProblem(undefined);
  };
  const move = (index: number, step: -1 | 1) => {
    const next = [...saved];
    const [entry] = next.splice(index, 1);
    next.splice(index + step, 0, entry!);
    edit(next);
  };

  async function save(event: Event) {
    event.preventDefault();
    if ([...user.trim()].length > MAX_WING_USER_ID) return setProblem({ key: 'options.answering.userTooLong' });
    const tooLong = saved.findIndex((text) => [...text].length > MAX_SAVED_ANSWER_CHARS);
    if (tooLong !== -1) return setProblem({ key: 'options.answering.savedTooLong', n: tooLong + 1 });
    const stored = await onSave({ wingUserId: user.trim(), savedAnswers: saved.filter((text) => text.trim() !== '') });
    setUser(stored.wingUserId);
    setSaved(stored.savedAnswers);
    setProblem(undefined);
    setDone(true);
  }

  return (
    <form class="csl-answer-settings" onSubmit={(event) => void save(event)}>
      <fieldset>
        <legend>{t('options.answering')}</legend>
        <p class="csl-muted">{t('options.answering.intro')}</p>
        <div class="csl-field">
          <label for="wingUserId">{t('answer.wingUser')}</label>
          <input
            id="wingUserId"
            type="text"
            autoComplete="username"
            value={user}
            aria-describedby="wingUserIdHint"
            onInput={(event) => {
              setUser(event.currentTarget.value);
              setDone(false);
            }}
          />
          <p id="wingUserIdHint" class="csl-muted">
            {t('options.answering.userHint')}
          </p>
        </div>
        <h3>{t('options.answering.saved')}</h3>
        <p class="csl-muted">{t('options.answering.savedHint', { item: '{item}', inquiry: '{inquiry}' })}</p>
        <ol class="csl-saved-answers">
          {saved.map((text, index) => (
            <li key={index}>
              <label for={`savedAnswer${index}`}>{t('options.answering.savedText', { n: index + 1 })}</label>
              <textarea
                id={`savedAnswer${index}`}
                rows={3}
                value={text}
                onInput={(event) => edit(saved.map((old, i) => (i === index ? event.currentTarget.value : old)))}
              />
              <div class="csl-actions">
                <button type="button" disabled={index === 0} onClick={() => move(index, -1)} aria-label={t('options.answering.up', { n: index + 1 })}>
                  ↑
                </button>
                <button
                  type="button"
                  disabled={index === saved.length - 1}
                  onClick={() => move(index, 1)}
                  aria-label={t('options.answering.down', { n: index + 1 })}
                >
                  ↓
                </button>
                <button type="button" onClick={() => edit(saved.filter((_, i) => i !== index))}>
                  {t('options.answering.delete', { n: index + 1 })}
                </button>
              </div>
            </li>
          ))}
        </ol>
        <div class="csl-actions">
          <button type="button" disabled={saved.length >= MAX_SAVED_ANSWERS} onClick={() => edit([...saved, ''])}>
            {t('options.answering.add')}
          </button>
          <button type="submit">{t('options.answering.save')}</button>
        </div>
        {saved.length >= MAX_SAVED_ANSWERS && <p class="csl-muted">{t('options.answering.full', { max: MAX_SAVED_ANSWERS })}</p>}
        {problem && (
          <p class="csl-input-problem" role="alert">
            {problem.key === 'options.answering.savedTooLong' ? t(problem.key, { n: problem.n, max: MAX_SAVED_ANSWER_CHARS }) : t(problem.key, { max: MAX_WING_USER_ID })}
          </p>
        )}
        {done && (
          <p class="csl-feedback csl-feedback-ok" role="status">
            {t('options.saved')}
          </p>
        )}
      </fieldset>
    </form>
  );
}
