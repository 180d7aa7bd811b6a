import type { MessageKey } from '../utils/i18n/en';
import type { Translate } from '../utils/i18n/translate';

export interface SetupStepsProps {
  t: Translate;
  /** Which steps are done, in order: issue, register IP, paste, save, test. */
  done: { issue: boolean; ip: boolean; paste: boolean; save: boolean; test: boolean };
}

const STEPS: Array<{ key: keyof SetupStepsProps['done']; text: MessageKey }> = [
  { key: 'issue', text: 'setup.issue' },
  { key: 'ip', text: 'setup.ip' },
  { key: 'paste', text: 'setup.paste' },
  { key: 'save', text: 'setup.save' },
  { key: 'test', text: 'setup.test' },
];

/** The way from no keys to a working lookup, each step marked done or to do. */
export function SetupSteps({ t, done }: SetupStepsProps) {
  return (
    <section class="csl-setup-steps" aria-label={t('setup.title')}>
      <h2>{t('setup.title')}</h2>
      <ol>
        {STEPS.map((step, index) => (
          <li key={step.key} data-done={done[step.key] ? 'true' : 'false'}>
            <span class={done[step.key] ? 'csl-step-mark csl-step-mark--done' : 'csl-step-mark csl-step-mark--todo'}>
              {`${index + 1}. ${done[step.key] ? `✓ ${t('setup.done')}` : t('setup.todo')}`}
            </span>
            <span>{t(step.text)}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
