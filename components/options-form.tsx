import { useState } from 'preact/hooks';
import type { LookupError, Result } from '@/utils/coupang/error-kinds';
import { checkCredentials, looksLikeVendorId, type CredentialsInput, type CredentialsProblem } from '@/utils/credentials-check';
import type { MessageKey } from '@/utils/i18n/en';
import type { Locale, Translate } from '@/utils/i18n/translate';
import type { CredentialsStatus } from '@/utils/messaging';
import type { Settings } from '@/utils/storage';
import { IdLabelsField } from './id-labels-field';
import { KeyAgeField } from './key-age-field';
import { LookupErrorView } from './lookup-error';
import { SetupSteps } from './setup-steps';

export interface OptionsFormProps {
  t: Translate;
  status: CredentialsStatus;
  settings: Settings;
  onSave: (input: CredentialsInput) => Promise<Result<CredentialsStatus>>;
  onClearSecret: () => Promise<Result<CredentialsStatus>>;
  onTest: () => Promise<Result<{ checkedAt: number }>>;
  onSettingsChange: (patch: Partial<Settings>) => Promise<Settings>;
  locale: Locale;
  now: () => number;
  /** The seller corrects when the key was issued in Wing. */
  onSetKeyIssued: (issuedAt: number) => Promise<Result<CredentialsStatus>>;
  onOpenDemo: () => void;
}

type Feedback = { tone: 'ok' | 'warn'; text: string } | { tone: 'error'; error: LookupError } | undefined;

const FIELD_LABELS: Record<CredentialsProblem['field'], MessageKey> = {
  accessKey: 'options.accessKey',
  vendorId: 'options.vendorId',
  secretKey: 'options.secretKey',
};

/** Keys, a connection test and hover-card preferences. The secret is write-only: never shown, never read back. */
export function OptionsForm(props: OptionsFormProps) {
  const { t } = props;
  const [status, setStatus] = useState(props.status);
  const [accessKey, setAccessKey] = useState(props.status.accessKey);
  const [vendorId, setVendorId] = useState(props.status.vendorId);
  const [secretKey, setSecretKey] = useState('');
  const [problems, setProblems] = useState<CredentialsProblem[]>([]);
  const [saveFeedback, setSaveFeedback] = useState<Feedback>();
  const [testFeedback, setTestFeedback] = useState<Feedback>();
  const [testing, setTesting] = useState(false);
  const [testOk, setTestOk] = useState(false);
  const [settings, setSettings] = useState(props.settings);
  const [settingsSaved, setSettingsSaved] = useState<boolean | 'failed'>(false);

  function problemText(field: CredentialsProblem['field']): string | undefined {
    const found = problems.find((problem) => problem.field === field);
    if (!found) return undefined;
    const label = t(FIELD_LABELS[field]);
    return found.problem === 'empty' ? t('options.check.empty', { field: label }) : t('options.check.spaces', { field: label });
  }

  function adopt(saved: CredentialsStatus) {
    setStatus(saved);
    setAccessKey(saved.accessKey);
    setVendorId(saved.vendorId);
    setSecretKey('');
  }

  async function save(event: Event) {
    event.preventDefault();
    setSaveFeedback(undefined);
    setTestFeedback(undefined);
    const input = { accessKey, vendorId, secretKey };
    const found = checkCredentials(input).problems;
    if (!status.hasSecret && !secretKey.trim()) found.push({ field: 'secretKey', problem: 'empty' });
    setProblems(found);
    if (found.length > 0) return;
    const result = await props.onSave(input);
    if (!result.ok) {
      setSaveFeedback({ tone: 'error', error: result.error });
      return;
    }
    adopt(result.value);
    setSaveFeedback(
      looksLikeVendorId(result.value.vendorId)
        ? { tone: 'ok', text: t('options.saved') }
        : { tone: 'warn', text: `${t('options.saved')}. ${t('options.check.vendorShape')}` },
    );
  }

  async function clearSecret() {
    const result = await props.onClearSecret();
    if (result.ok) {
      adopt(result.value);
      setSaveFeedback({ tone: 'ok', text: t('options.secretCleared') });
    }
  }

  async function test() {
    setTesting(true);
    setTestFeedback(undefined);
    const result = await props.onTest();
    setTesting(false);
    setTestOk(result.ok);
    setTestFeedback(result.ok ? { tone: 'ok', text: t('options.testOk') } : { tone: 'error', error: result.error });
  }

  async function changeSettings(patch: Partial<Settings>) {
    try {
      setSettings(await props.onSettingsChange(patch));
      setSettingsSaved(true);
    } catch {
      // The page's wiring logged it (utils/pages/options-page.tsx); the seller reads "Couldn't save" here.
      setSettingsSaved('failed');
    }
  }

  const field = (
    name: CredentialsProblem['field'],
    secret: boolean,
    value: string,
    set: (value: string) => void,
    extra: { placeholder?: string; hint?: string } = {},
  ) => {
    const problem = problemText(name);
    const describedBy = [problem && `${name}-problem`, extra.hint && `${name}-hint`].filter(Boolean).join(' ');
    return (
      <div class="csl-field">
        <label for={name}>{t(FIELD_LABELS[name])}</label>
        <input
          id={name}
          name={name}
          {...(secret ? { type: 'password' as const } : { type: 'text' as const })}
          value={value}
          autoComplete="off"
          spellcheck={false}
          placeholder={extra.placeholder}
          aria-invalid={problem ? 'true' : undefined}
          aria-describedby={describedBy || undefined}
          onInput={(event) => set(event.currentTarget.value)}
        />
        {extra.hint && (
          <p id={`${name}-hint`} class="csl-muted">
            {extra.hint}
          </p>
        )}
        {problem && (
          <p id={`${name}-problem`} class="csl-input-problem">
            {problem}
          </p>
        )}
      </div>
    );
  };

  const feedback = (value: Feedback, errorTitle: string) =>
    value &&
    (value.tone === 'error' ? (
      <LookupErrorView error={value.error} t={t} title={errorTitle} />
    ) : (
      <p class={`csl-feedback csl-feedback-${value.tone}`} role="status">
        {value.text}
      </p>
    ));

  return (
    <div class="csl-options">
      <h1>{t('options.title')}</h1>
      <SetupSteps
        t={t}
        done={{
          issue: status.hasSecret,
          ip: testOk,
          paste: Boolean(accessKey.trim() && vendorId.trim() && (secretKey.trim() || status.hasSecret)),
          save: status.hasSecret,
          test: testOk,
        }}
      />
      <p>
        <button type="button" class="csl-link" onClick={props.onOpenDemo}>
          {t('options.openDemo')}
        </button>
      </p>
      <form onSubmit={save} noValidate>
        <fieldset>
          <legend>{t('options.keys')}</legend>
          <p class="csl-muted">{t('options.keysHelp')}</p>
          {field('accessKey', false, accessKey, setAccessKey)}
          {field('secretKey', true, secretKey, setSecretKey, {
            hint: status.hasSecret ? t('options.secretSaved') : t('options.secretMissing'),
          })}
          {field('vendorId', false, vendorId, setVendorId, { placeholder: 'A00012345' })}
          {status.hasSecret && (
            <KeyAgeField
              t={t}
              locale={props.locale}
              keyIssuedAt={status.keyIssuedAt}
              now={props.now()}
              onChange={(issuedAt) =>
                void props.onSetKeyIssued(issuedAt).then((result) => {
                  if (result.ok) setStatus(result.value);
                })
              }
            />
          )}
          <div class="csl-actions">
            <button type="submit">{t('options.save')}</button>
            <button type="button" onClick={() => void test()} disabled={testing}>
              {testing ? t('options.testing') : t('options.test')}
            </button>
            {status.hasSecret && (
              <button type="button" onClick={() => void clearSecret()}>
                {t('options.clearSecret')}
              </button>
            )}
          </div>
          {feedback(saveFeedback, t('options.saveFailed'))}
          {feedback(testFeedback, t('options.testFailed'))}
        </fieldset>
      </form>
      <fieldset>
        <legend>{t('options.hover')}</legend>
        <div class="csl-field csl-field-inline">
          <input
            id="hoverCardsEnabled"
            type="checkbox"
            checked={settings.hoverCardsEnabled}
            onChange={(event) => void changeSettings({ hoverCardsEnabled: event.currentTarget.checked })}
          />
          <label for="hoverCardsEnabled">{t('options.hoverEnabled')}</label>
        </div>
        <div class="csl-field">
          <label for="hoverDelayMs">{t('options.hoverDelay')}</label>
          <input
            id="hoverDelayMs"
            type="number"
            min={0}
            max={3000}
            step={50}
            value={settings.hoverDelayMs}
            onChange={(event) => {
              const value = Number(event.currentTarget.value);
              if (Number.isInteger(value) && value >= 0 && value <= 3000) void changeSettings({ hoverDelayMs: value });
            }}
          />
        </div>
        {settingsSaved === 'failed' ? (
          <p class="csl-feedback csl-feedback-error" role="alert">
            {t('error.storage-failed')}
          </p>
        ) : (
          settingsSaved && (
            <p class="csl-feedback csl-feedback-ok" role="status">
              {t('options.saved')}
            </p>
          )
        )}
      </fieldset>
      <IdLabelsField
        t={t}
        labels={props.settings.extraIdLabels}
        onSave={async (extraIdLabels) => setSettings(await props.onSettingsChange({ extraIdLabels }))}
      />
    </div>
  );
}
