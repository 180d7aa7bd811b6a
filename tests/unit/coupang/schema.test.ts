import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Inquiry } from '@/utils/coupang/inquiry';
import { parseInquiryResponse, parseListResponse } from '@/utils/coupang/schema';
import { readFixture } from './read-fixture';

function inquiryOf(body: string): Inquiry {
  const result = parseInquiryResponse(body);
  if (!result.ok) throw new Error(`expected an inquiry, got ${JSON.stringify(result.error)}`);
  return result.value;
}

/** A success envelope around `data`, written as raw text so big numbers stay literal. */
const envelope = (data: string, code = '200') => `{"code":${code},"message":"OK","data":${data}}`;

const SEED_TIME = Date.UTC(2025, 0, 15, 22, 17, 13, 973); // 2025-01-15T14:17:13.973885-08:00

describe('parseInquiryResponse on the fixtures', () => {
  it('258799946: the seed example', () => {
    expect(inquiryOf(readFixture('258799946'))).toStrictEqual({
      inquiryId: '258799946',
      inquiryStatus: 'progress',
      csPartnerCounselingStatus: 'requestAnswer',
      vendorItemIds: ['75235680736'],
      itemName: '제주 삼다수, 2L, 6개',
      content: '상담이력',
      answeredAt: SEED_TIME,
      inquiryAt: SEED_TIME,
      orderDate: SEED_TIME,
      orderId: '19000001234567',
      buyerPhone: '+1(555)444-1234',
      receiptCategory: '배송>배송>배송',
      saleStartedAt: '2023-07-24',
      saleEndedAt: '2099-12-29',
      replies: [
        {
          answerId: '21128942421017',
          parentAnswerId: undefined,
          partnerTransferStatus: 'requestAnswer',
          partnerTransferCompleteReason: 'NONE',
          answerType: 'csAgent',
          needAnswer: true,
          receptionistName: 'OO스토아',
          receptionist: 'cssp-hyjang15',
          replyAt: SEED_TIME,
          content: expect.stringContaining('※ 영업시간 기준 24시간 경과시'),
        },
      ],
      extra: {},
    });
  });

  it('the seed example as printed, with its masked orderId, is not JSON', () => {
    const seedText = readFixture('258799946').replace('19000001234567', '1900000******7');
    expect(parseInquiryResponse(seedText)).toEqual({ ok: false, error: { kind: 'not-json' } });
  });

  it('9007199254740993: IDs above 2^53 stay exact, code "200", a single vendorItemId', () => {
    const body = readFixture('9007199254740993');
    const naive = JSON.parse(body) as { data: { inquiryId: number; orderId: number } };
    expect(String(naive.data.inquiryId)).toBe('9007199254740992'); // what JSON.parse would have done
    expect(String(naive.data.orderId)).toBe('9007199254740996');

    const inquiry = inquiryOf(body);
    expect(inquiry.inquiryId).toBe('9007199254740993');
    expect(inquiry.orderId).toBe('9007199254740995');
    expect(inquiry.vendorItemIds).toEqual(['86012345678']);
    expect(inquiry.replies.map((r) => [r.answerId, r.parentAnswerId])).toEqual([
      ['18014398509481985', undefined],
      ['18014398509481987', '18014398509481985'],
    ]);
    expect(inquiry.answeredAt).toBeUndefined();
    expect(inquiry.inquiryAt).toBe(Date.UTC(2026, 0, 31, 14, 59, 57));
    expect(inquiry.orderDate).toBe(Date.UTC(2026, 0, 30, 12, 4, 11, 250));
    expect(inquiry.replies[0]?.replyAt).toBe(Date.UTC(2026, 0, 31, 15, 2, 13, 973));
  });

  it('1015668177: answered, old Korea-time dates, CRLF content, an unknown field kept', () => {
    expect(inquiryOf(readFixture('1015668177'))).toStrictEqual({
      inquiryId: '1015668177',
      inquiryStatus: 'complete',
      csPartnerCounselingStatus: 'answered',
      vendorItemIds: ['3000012345', '3000012346'],
      itemName: '유기농 현미, 4kg, 1개',
      content: '제품을 받았는데 포장이 터져 있습니다.\r\n교환 가능할까요?\r\n사진은 상담원께 보냈습니다.',
      answeredAt: Date.UTC(2018, 0, 8, 7, 56, 16),
      inquiryAt: Date.UTC(2018, 0, 8, 0, 41, 5),
      orderDate: Date.UTC(2018, 0, 6, 12, 15, 2),
      orderId: '5000012345',
      buyerPhone: '010-1234-5678',
      receiptCategory: '교환>상품불량>포장파손',
      saleStartedAt: '2017-03-02',
      saleEndedAt: '2099-12-29',
      replies: [
        {
          answerId: '1126500001',
          parentAnswerId: undefined,
          partnerTransferStatus: 'answered',
          partnerTransferCompleteReason: 'DISPUTE_PROCESS_COMPLETE',
          answerType: 'csAgent',
          needAnswer: true,
          receptionistName: 'OO스토아',
          receptionist: 'cssp-hyjang15',
          replyAt: Date.UTC(2018, 0, 8, 1, 12, 40),
          content: expect.stringContaining('\r\n[판매자님 회신요청]\r\n'),
        },
        {
          answerId: '1126500002',
          parentAnswerId: '1126500001',
          partnerTransferStatus: undefined,
          partnerTransferCompleteReason: undefined,
          answerType: 'vendor',
          needAnswer: false,
          receptionistName: '김판매',
          receptionist: 'wing-seller01',
          replyAt: Date.UTC(2018, 0, 8, 7, 56, 16),
          content: '안녕하세요 고객님.\r\n불편을 드려 죄송합니다.\r\n교환 접수해 드렸고, 내일 회수 기사님이 방문합니다.',
        },
      ],
      extra: { inquiryChannel: 'PHONE' },
    });
  });

  it('1015668178: in progress, counsellor asks for an answer, Taiwan buyer, vendorItemId as a string', () => {
    const inquiry = inquiryOf(readFixture('1015668178'));
    expect(inquiry).toMatchObject({
      inquiryId: '1015668178',
      inquiryStatus: 'progress',
      csPartnerCounselingStatus: 'requestAnswer',
      vendorItemIds: ['86012345679'],
      answeredAt: undefined,
      inquiryAt: Date.UTC(2025, 9, 15, 7, 5, 9, 882),
      buyerPhone: '+886 912 345 678',
      orderId: '31000012345678',
    });
    expect(inquiry.replies).toHaveLength(1);
    expect(inquiry.replies[0]).toMatchObject({
      answerType: 'csAgent',
      needAnswer: true,
      partnerTransferStatus: 'requestAnswer',
      parentAnswerId: undefined, // sent as 0
      replyAt: Date.UTC(2025, 9, 15, 7, 20, 31, 204),
    });
  });

  it('1015668179: only the inquiryId, no replies key', () => {
    expect(inquiryOf(readFixture('1015668179'))).toEqual({
      inquiryId: '1015668179',
      vendorItemIds: [],
      replies: [],
      extra: {},
    });
  });

  it('1015668180: empty replies, nulls become undefined', () => {
    const inquiry = inquiryOf(readFixture('1015668180'));
    expect(inquiry.replies).toEqual([]);
    expect(inquiry.answeredAt).toBeUndefined();
    expect(inquiry.csPartnerCounselingStatus).toBeUndefined();
    expect(inquiry.saleEndedAt).toBe('2026-02-14');
    expect(inquiry.extra).toEqual({});
  });

  it('1015668181: markup in text fields is kept verbatim, as text', () => {
    const inquiry = inquiryOf(readFixture('1015668181'));
    expect(inquiry.itemName).toBe('<img src=x onerror=alert(1)><b>bold</b> 머그컵, 350ml');
    expect(inquiry.content).toContain('<script>alert(\'inquiry\')</script>');
    expect(inquiry.replies[0]?.content).toMatch(/^<img src=x onerror=alert\(3\)>\n/);
    expect(inquiry.replies[0]?.receptionistName).toBe('<i>OO스토아</i>');
  });

  it('every fixture is named by its own inquiryId and parses', () => {
    const dir = new URL('../../fixtures/inquiries/', import.meta.url);
    const ids = ['258799946', '9007199254740993', '1015668177', '1015668178', '1015668179', '1015668180', '1015668181'];
    for (const id of ids) {
      expect(inquiryOf(readFileSync(new URL(`${id}.json`, dir), 'utf8')).inquiryId).toBe(id);
    }
  });

  it('results stay plain JSON data', () => {
    const inquiry = inquiryOf(readFixture('9007199254740993'));
    expect(JSON.parse(JSON.stringify(inquiry))).toEqual(inquiry);
  });
});

describe('parseInquiryResponse quirks', () => {
  it.each([
    ['a number', '75235680736', ['75235680736']],
    ['a numeric string', '"75235680736"', ['75235680736']],
    ['an array', '[75235680736, "75235680737", 9007199254740993]', ['75235680736', '75235680737', '9007199254740993']],
    ['null', 'null', []],
  ])('vendorItemId as %s', (_form, json, expected) => {
    expect(inquiryOf(envelope(`{"inquiryId":1,"vendorItemId":${json}}`)).vendorItemIds).toEqual(expected);
  });

  it.each([
    ['null', 'null', undefined],
    ['0', '0', undefined],
    ['"0"', '"0"', undefined],
    ['a number', '21128942421017', '21128942421017'],
    ['a numeric string', '"21128942421017"', '21128942421017'],
    ['a big number', '18014398509481985', '18014398509481985'],
  ])('parentAnswerId as %s', (_form, json, expected) => {
    const inquiry = inquiryOf(envelope(`{"inquiryId":1,"replies":[{"answerId":2,"parentAnswerId":${json}}]}`));
    expect(inquiry.replies[0]?.parentAnswerId).toBe(expected);
  });

  it('accepts inquiryId as a numeric string', () => {
    expect(inquiryOf(envelope('{"inquiryId":"1015668177"}')).inquiryId).toBe('1015668177');
  });

  it('leaves an unreadable date out instead of failing', () => {
    const inquiry = inquiryOf(
      envelope('{"inquiryId":1,"answeredAt":"15/01/2025","inquiryAt":1736979433973,"orderDate":"","replies":[{"replyAt":"soon"}]}'),
    );
    expect([inquiry.answeredAt, inquiry.inquiryAt, inquiry.orderDate, inquiry.replies[0]?.replyAt]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('leaves a masked orderId sent as text out instead of failing', () => {
    expect(inquiryOf(envelope('{"inquiryId":1,"orderId":"1900000******7"}')).orderId).toBeUndefined();
  });

  it('drops buyerEmail and keeps unknown fields, big numbers inside them exact', () => {
    const inquiry = inquiryOf(
      envelope('{"inquiryId":1,"buyerEmail":"","shipmentBoxId":900719925474099301,"tags":["a"],"meta":{"n":1.5}}'),
    );
    expect(inquiry.extra).toEqual({ shipmentBoxId: '900719925474099301', tags: ['a'], meta: { n: 1.5 } });
  });

  it.each(['', 'OK', '<html><body>Access Denied</body></html>', '{"code":200,'])('%j is not JSON', (body) => {
    expect(parseInquiryResponse(body)).toEqual({ ok: false, error: { kind: 'not-json' } });
  });

  it.each([
    ['a non-200 code', '{"code":500,"message":"Internal error","data":null}', 'code 500: Internal error'],
    ['code "ERROR"', '{"code":"ERROR","message":"Inquiry not found"}', 'code ERROR: Inquiry not found'],
    ['no code', envelope('{"inquiryId":1}').replace('"code":200,', ''), 'code'],
    ['no data', '{"code":200,"message":"OK"}', 'data'],
    ['data not an object', '{"code":200,"message":"OK","data":[1]}', 'data'],
    ['no inquiryId', envelope('{"inquiryStatus":"progress"}'), 'data.inquiryId'],
    ['inquiryId not an ID', envelope('{"inquiryId":"12a"}'), 'data.inquiryId'],
    ['inquiryId 0', envelope('{"inquiryId":0}'), 'data.inquiryId'],
    ['replies not a list', envelope('{"inquiryId":1,"replies":{}}'), 'data.replies'],
    ['a reply of the wrong type', envelope('{"inquiryId":1,"replies":[{"needAnswer":"yes"}]}'), 'data.replies.0.needAnswer'],
    ['a top-level array', '[]', 'body'],
  ])('%s → bad-response naming where', (_case, body, where) => {
    const result = parseInquiryResponse(body);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.kind).toBe('bad-response');
    expect(result.error.detail?.startsWith(where)).toBe(true);
    expect(result.error.detail!.length).toBeLessThanOrEqual(200);
  });

  it('never puts a personal value into the failure detail', () => {
    const result = parseInquiryResponse(envelope('{"inquiryId":1,"buyerPhone":1012345678,"content":"x"}'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.detail).toMatch(/^data\.buyerPhone: /);
    expect(result.error.detail).not.toContain('1012345678');
  });
});

describe('parseListResponse', () => {
  it('accepts a list envelope, code number or string', () => {
    const data = '{"content":[{"inquiryId":9007199254740993}],"pagination":{"currentPage":1,"totalPages":1}}';
    for (const code of ['200', '"200"']) {
      expect(parseListResponse(envelope(data, code))).toEqual({
        ok: true,
        value: { content: [{ inquiryId: '9007199254740993' }], pagination: { currentPage: 1, totalPages: 1 } },
      });
    }
  });

  it('rejects a non-200 envelope, a missing data object and non-JSON', () => {
    expect(parseListResponse('{"code":400,"message":"pageSize must be 30 or less"}')).toEqual({
      ok: false,
      error: { kind: 'bad-response', detail: 'code 400: pageSize must be 30 or less' },
    });
    expect(parseListResponse('{"code":200,"message":"OK"}')).toMatchObject({ ok: false, error: { kind: 'bad-response' } });
    expect(parseListResponse('Service Unavailable')).toEqual({ ok: false, error: { kind: 'not-json' } });
  });
});
