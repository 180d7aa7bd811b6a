import { render } from 'preact';
import { browser } from 'wxt/browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { AnswerService } from '@/components/answer-panel';
import { withWrite, type WriteRecord } from '../answer/apply-write';
import { createAnswerService } from '../answer-view/answer-service';
import { ask } from '../extension-api';
import { failure, success } from '../messaging';
import type { lookupInquiry } from '../extension-api';
import { maskPhone } from '../inquiry/mask';
import { formatDateTime } from '../inquiry/format-time';
import { SAMPLE_INQUIRIES } from '../samples/sample-inquiries';
import { lookupSample } from '../samples/sample-lookup';
import { cardView } from '../wing/card-view';
import { startWingCards } from '../wing/wing-cards';
import { pageLocale } from './page-locale';

/** The demo's answers and confirms, kept on this page only: the samples then show answered. */
const demoWrites = new Map<string, WriteRecord>();

/** The demo's lookups: the bundled samples, through the same response schema; nothing is sent. */
const demoLookup: typeof lookupInquiry = (id, { signal } = {}) => {
  if (signal?.aborted) return Promise.resolve(failure('aborted'));
  const result = lookupSample(id, Date.now());
  const write = demoWrites.get(id);
  return Promise.resolve(result.ok && write ? success({ ...result.value, inquiry: withWrite(result.value.inquiry, write) }) : result);
};

/**
 * The demo answers its samples here (docs/answering.md#sample-mode): nothing reaches the background's write
 * service, let alone Coupang. Drafts still go to the background, as everywhere.
 */
function demoAnswers(): AnswerService {
  const written = async (id: string, write: WriteRecord) => {
    demoWrites.set(id, write);
    await ask({ type: 'discard-draft', id });
    const after = await demoLookup(id);
    return success({ sample: true, ...(after.ok ? { after: after.value } : {}) });
  };
  return {
    ...createAnswerService(ask),
    answer: (id, content, replyBy, parentAnswerId) => written(id, { kind: 'answer', content, replyBy, parentAnswerId, at: Date.now() }),
    confirm: (id, confirmBy) => written(id, { kind: 'confirm', confirmBy, at: Date.now() }),
  };
}

/**
 * demo.html: a Wing-like call-center list and inquiry detail filled from the samples, with the same
 * detector, scanner and card code as on Wing (startWingCards), answered from the samples.
 */
export async function mountDemoPage(root: HTMLElement): Promise<void> {
  const { locale, t } = pageLocale();
  const now = Date.now();
  const rows = SAMPLE_INQUIRIES.map((sample) => {
    const result = lookupSample(sample.id, now);
    if (!result.ok) throw new Error(`sample ${sample.id} does not parse`);
    return result.value.inquiry;
  });
  const first = rows[0]!;
  document.title = t('demo.title');
  render(
    <>
      <div class="demo-gnb">쿠팡 Wing · 고객센터 문의 (CS Lens demo)</div>
      <p class="demo-intro">
        <strong>{t('sample.banner')}</strong> {t('demo.intro')}
      </p>
      <section class="demo-panel">
        <h2>고객센터 문의 목록</h2>
        <table>
          <thead>
            <tr>
              <th>상담번호</th>
              <th>주문번호</th>
              <th>옵션ID</th>
              <th>상품명</th>
              <th>연락처</th>
              <th>접수일시</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((inquiry) => (
              <tr key={inquiry.inquiryId}>
                <td>{inquiry.inquiryId}</td>
                <td>{inquiry.orderId}</td>
                <td>{inquiry.vendorItemIds.join(', ')}</td>
                <td>{inquiry.itemName}</td>
                <td>{inquiry.buyerPhone && maskPhone(inquiry.buyerPhone)}</td>
                <td>{inquiry.inquiryAt !== undefined && formatDateTime(inquiry.inquiryAt, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section class="demo-panel">
        <h2>문의 상세</h2>
        <dl>
          <dt>상담번호</dt>
          <dd>{first.inquiryId}</dd>
          <dt>주문번호</dt>
          <dd>{first.orderId}</dd>
          <dt>옵션ID</dt>
          <dd>{first.vendorItemIds.join(', ')}</dd>
          <dt>연락처</dt>
          <dd>010-1234-5678</dd>
        </dl>
      </section>
    </>,
    root,
  );

  const ctx = new ContentScriptContext('demo');
  // On Wing the card's view is loaded when first wanted; this page bundles it (and its stylesheet).
  await startWingCards(ctx, browser.i18n.getUILanguage(), { lookup: demoLookup, answers: demoAnswers(), view: cardView });
}
