import { describe, expect, it } from 'vitest';
import { classifyFailure } from '@/utils/coupang/classify';
import type { ErrorKind } from '@/utils/coupang/error-kinds';

const JSON_TYPE = 'application/json;charset=UTF-8';
const gatewayError = (message: string) =>
  JSON.stringify({ code: 'ERROR', message, transactionId: '0a1b2c3d-4e5f-6789-abcd-ef0123456789' });
const coded = (code: number, message: string) => JSON.stringify({ code, message });
const ACCESS_DENIED = [
  '<HTML><HEAD>',
  '<TITLE>Access Denied</TITLE>',
  '</HEAD><BODY>',
  '<H1>Access Denied</H1>',
  'You don\'t have permission to access "http&#58;&#47;&#47;api&#45;gateway&#46;coupang&#46;com&#47;v2&#47;providers&#47;' +
    'openapi&#47;apis&#47;api&#47;v5&#47;vendors&#47;callCenterInquiries&#47;258799946" on this server.<P>',
  'Reference&#32;&#35;18&#46;6f3c2e17&#46;1736979433&#46;1a2b3c4d',
  '</BODY>',
  '</HTML>',
].join('\n');

type Row = [label: string, status: number, body: string, contentType: string | null, kind: ErrorKind, detail: string | undefined];

const rows: Row[] = [
  ['400 invalid inquiryId', 400, coded(400, 'Invalid format inquiryId : 12ab'), JSON_TYPE, 'invalid-id', 'Invalid format inquiryId : 12ab'],
  ['400 other', 400, coded(400, 'pageSize must be 30 or less'), JSON_TYPE, 'bad-request', 'pageSize must be 30 or less'],
  ['401 invalid signature', 401, gatewayError('Invalid signature.'), JSON_TYPE, 'invalid-signature', 'Invalid signature.'],
  ['401 expired', 401, gatewayError('Specified signature is expired.'), JSON_TYPE, 'signature-expired', 'Specified signature is expired.'],
  ['401 HMAC format', 401, gatewayError('HMAC format is invalid.'), JSON_TYPE, 'malformed-auth', 'HMAC format is invalid.'],
  ['401 not authorized', 401, gatewayError('Request is not authorized.'), JSON_TYPE, 'not-authorized', 'Request is not authorized.'],
  ['401 unknown message', 401, gatewayError('Access key is revoked.'), JSON_TYPE, 'not-authorized', 'Access key is revoked.'],
  [
    '403 IP, gateway JSON',
    403,
    gatewayError('Not allowed IP address. (203.0.113.7)'),
    JSON_TYPE,
    'ip-not-allowed',
    'Not allowed IP address. (203.0.113.7)',
  ],
  ['403 IP, other case, nested wrapper', 403, '{"error":{"msg":"not allowed ip"}}', JSON_TYPE, 'ip-not-allowed', '{"error":{"msg":"not allowed ip"}}'],
  ['403 IP, plain text', 403, 'Not Allowed IP', 'text/plain', 'ip-not-allowed', 'Not Allowed IP'],
  ['403 HTML block page', 403, ACCESS_DENIED, 'text/html', 'blocked', 'HTML page'],
  ['403 HTML without content type', 403, `\n${ACCESS_DENIED}`, null, 'blocked', 'HTML page'],
  ['403 other JSON', 403, gatewayError('Forbidden resource'), JSON_TYPE, 'forbidden', 'Forbidden resource'],
  ['404 not found', 404, coded(404, 'Inquiry not found'), JSON_TYPE, 'not-found', 'Inquiry not found'],
  [
    '404 other vendor',
    404,
    coded(404, 'Vendor id should be same with the vendor id in this inquiry'),
    JSON_TYPE,
    'other-vendor',
    'Vendor id should be same with the vendor id in this inquiry',
  ],
  ['404 empty body', 404, '', null, 'not-found', undefined],
  ['429 text', 429, 'Too Many Requests', 'text/plain', 'rate-limited', 'Too Many Requests'],
  ['429 JSON', 429, gatewayError('API rate limit exceeded'), JSON_TYPE, 'rate-limited', 'API rate limit exceeded'],
  ['500', 500, gatewayError('Internal Server Error'), JSON_TYPE, 'server-error', 'Internal Server Error'],
  ['502 HTML', 502, '<html><body>Bad Gateway</body></html>', 'text/html', 'server-error', 'HTML page'],
  ['503', 503, 'Service Unavailable', 'text/plain', 'server-error', 'Service Unavailable'],
  ['504', 504, gatewayError('Gateway Timeout'), JSON_TYPE, 'gateway-timeout', 'Gateway Timeout'],
  ['524', 524, 'error code: 524', 'text/plain', 'gateway-timeout', 'error code: 524'],
  ['521', 521, 'error code: 521', 'text/plain', 'gateway-unreachable', 'error code: 521'],
  ['418', 418, "I'm a teapot", 'text/plain', 'unexpected-status', "I'm a teapot"],
  ['302: this IP or vendor is blocked (docs/request-economy.md#blocks)', 302, '', null, 'blocked', undefined],
];

describe('classifyFailure', () => {
  it.each(rows)('%s', (_label, status, body, contentType, kind, detail) => {
    const expected = detail === undefined ? { kind, status } : { kind, status, detail };
    expect(classifyFailure(status, body, contentType)).toStrictEqual(expected);
  });

  it('truncates a long gateway message to 200 characters', () => {
    const error = classifyFailure(400, coded(400, '문'.repeat(500)), JSON_TYPE);
    expect(Array.from(error.detail!)).toHaveLength(200);
    expect(error.detail!.endsWith('…')).toBe(true);
  });
});
