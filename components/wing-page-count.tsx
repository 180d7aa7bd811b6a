import type { ComponentChildren } from 'preact';
import type { Locale, Translate } from '@/utils/i18n/translate';
import type { WingTabState } from '@/utils/pages/wing-tab-count';

export interface WingPageCountProps {
  t: Translate;
  locale: Locale;
  /** What the active Wing tab's content script answered (docs/detection.md#the-popups-count), or that it no longer answers. */
  answer: WingTabState;
  onOpenOptions: () => void;
}

/** The popup's line about the Wing tab it was opened on: how many inquiry numbers have cards, or what to do. */
export function WingPageCount({ t, locale, answer, onOpenOptions }: WingPageCountProps) {
  const settings = (label: string) => (
    <>
      {' '}
      <button type="button" class="csl-link" onClick={onOpenOptions}>
        {label}
      </button>
    </>
  );
  if (answer.state === 'reload-tab') return <Line>{t('popup.wing.reloadTab')}</Line>;
  if (answer.state === 'out-of-scope') return <Line>{t('popup.wing.outOfScope')}</Line>;
  if (answer.state === 'cards-off') {
    return (
      <Line>
        {t('popup.wing.cardsOff')}
        {settings(t('search.openOptions'))}
      </Line>
    );
  }
  if (answer.count === 0) {
    return (
      <Line>
        {t('popup.wing.none')}
        {settings(t('popup.wing.addHeading'))}
      </Line>
    );
  }
  const count = new Intl.NumberFormat(locale).format(answer.count);
  if (!answer.complete) return <Line>{t('popup.wing.countAtLeast', { count })}</Line>;
  return <Line>{answer.count === 1 ? t('popup.wing.countOne') : t('popup.wing.count', { count })}</Line>;
}

function Line({ children }: { children: ComponentChildren }) {
  return (
    <p class="csl-wing-count" role="status">
      {children}
    </p>
  );
}
