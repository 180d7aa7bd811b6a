/**
 * The hover card's view: Preact, the card, the answer view and their stylesheet. On Wing it is a module of its
 * own (content-scripts/card-view.js, built by wxt.config.ts) that the content script imports when the seller
 * first points at a number (docs/performance.md#start-up-size): a page view that opens no card never loads it.
 * Everything here draws; when to draw (intent, lookups, trust, focus, Escape) stays in card-controller.tsx, which
 * passes plain data and callbacks.
 */
import { render } from 'preact';
import inquiryCss from '@/components/inquiry-view.css?inline';
import cardCss from '@/components/hover-card.css?inline';
import answerCss from '@/components/answer-form.css?inline';
import { AnswerPanel, type AnswerService } from '@/components/answer-panel';
import { HoverCard, type HoverCardState, type VendorMismatch } from '@/components/hover-card';
import type { AnswerPrefs } from '../answer-view/answer-prefs';
import { copyText } from '../hover/clipboard-text';
import type { Placement } from '../hover/placement';
import type { Locale, Translate } from '../i18n/translate';
import { coupangNow } from '../inquiry/coupang-now';
import { plainTextSummary } from '../inquiry/summary';
import type { WriteValue } from '../messaging';
import { drawPlaced } from './card-placement';
import type { TrustCheck } from './trusted';

/** What one draw of the card shows, and what its buttons call back. */
export interface CardDraw {
  id: string;
  state: HoverCardState;
  t: Translate;
  locale: Locale;
  /** The current time (epoch ms): read when drawing (the deadline counts down) and when copying the summary. */
  clock: () => number;
  pinned: boolean;
  vendorMismatch: VendorMismatch | undefined;
  onOpenSidePanel: () => void;
  onRefresh: () => void;
  onTogglePin: () => void;
  onDisableCards: () => void;
  onClose: () => void;
  onOpenOptions: () => void;
  onResume: () => void;
  /** Answering from the card: drawn once the inquiry is shown; absent, the card offers no Answer. */
  answer?: CardAnswerDraw;
}

export interface CardAnswerDraw {
  service: AnswerService;
  prefs: AnswerPrefs;
  trusted: TrustCheck;
  draftDelayMs?: number;
  onOpenChange: (open: boolean) => void;
  onSent: (sent: WriteValue) => void;
}

export interface CardView {
  /** The card's stylesheet (the inquiry view's, the card's and the answer form's), for its shadow root. */
  css: string;
  /** Draws the card into `container`, placed beside `anchor` (measured first: card-placement.ts). */
  draw(container: HTMLElement, anchor: Pick<Element, 'getBoundingClientRect'>, card: CardDraw): void;
  /** Empties `container`. */
  clear(container: HTMLElement): void;
}

export const cardView: CardView = {
  css: `${inquiryCss}\n${cardCss}\n${answerCss}`,
  draw(container, anchor, card) {
    const document = container.ownerDocument;
    const { id, state, t, locale } = card;
    const now = card.clock();
    const copy = (text: string) => copyText(text, { clipboard: navigator.clipboard, document, container });
    const answer = card.answer;
    const element = (placement: Placement) => (
      <HoverCard
        id={id}
        state={state}
        t={t}
        locale={locale}
        now={now}
        pinned={card.pinned}
        placement={placement}
        vendorMismatch={card.vendorMismatch}
        onCopyId={() => copy(id)}
        onCopySummary={() => state.phase === 'shown' && copy(plainTextSummary(state.value.inquiry, t, locale, coupangNow(state.value, card.clock())))}
        onOpenSidePanel={card.onOpenSidePanel}
        onRefresh={card.onRefresh}
        onTogglePin={card.onTogglePin}
        onDisableCards={card.onDisableCards}
        onClose={card.onClose}
        onOpenOptions={card.onOpenOptions}
        onResume={card.onResume}
        answer={
          state.phase === 'shown' &&
          answer && (
            <AnswerPanel
              key={id}
              t={t}
              locale={locale}
              inquiry={state.value.inquiry}
              now={coupangNow(state.value, now)}
              service={answer.service}
              prefs={answer.prefs}
              pausedUntil={state.value.pausedUntil}
              trusted={answer.trusted}
              draftDelayMs={answer.draftDelayMs}
              onOpenChange={answer.onOpenChange}
              onSent={answer.onSent}
            />
          )
        }
      />
    );
    drawPlaced((placement) => render(element(placement), container), container, anchor, document);
  },
  clear(container) {
    render(null, container);
  },
};
