import { describe, expect, it } from 'vitest';
import { buildAuthorization, formatSignedDate, importHmacKey, signMessage, signRequest } from '@/utils/coupang/signing';
import vectorFile from './signing-vectors.json';

const subtle = globalThis.crypto.subtle;
const NEGATIVE = 'NEGATIVE-raw-non-ascii';
const vectors = vectorFile.vectors.filter((v) => v.name !== NEGATIVE);
const negative = vectorFile.vectors.find((v) => v.name === NEGATIVE)!;
const encoded = vectorFile.vectors.find((v) => v.name === 'percent-encoded-non-ascii')!;

/** `251015T083000Z` → epoch ms. */
function epochOf(signedDate: string): number {
  const [yy, MM, dd, HH, mm, ss] = signedDate.match(/\d\d/g)!.map(Number) as [number, number, number, number, number, number];
  return Date.UTC(2000 + yy, MM - 1, dd, HH, mm, ss);
}

describe('formatSignedDate', () => {
  it.each([
    [Date.UTC(2025, 9, 15, 8, 30, 0), '251015T083000Z'],
    [Date.UTC(2026, 0, 31, 23, 59, 59, 999), '260131T235959Z'], // milliseconds are cut, never rounded up
    [Date.UTC(2030, 11, 31, 23, 59, 59), '301231T235959Z'],
    [Date.UTC(2024, 1, 29, 0, 0, 0), '240229T000000Z'],
  ])('%i → %s (UTC, whatever the local zone)', (epochMs, expected) => {
    expect(formatSignedDate(epochMs)).toBe(expected);
  });
});

describe('importHmacKey', () => {
  it('makes a non-extractable HMAC SHA-256 signing key by default', async () => {
    const key = await importHmacKey(subtle, vectorFile.secretKey);
    expect(key.extractable).toBe(false);
    expect(key.usages).toEqual(['sign']);
    expect(key.algorithm).toMatchObject({ name: 'HMAC', hash: { name: 'SHA-256' } });
    await expect(subtle.exportKey('raw', key)).rejects.toThrow();
  });

  it('can be made extractable on request, holding exactly the secret bytes', async () => {
    const key = await importHmacKey(subtle, vectorFile.secretKey, true);
    const raw = new Uint8Array(await subtle.exportKey('raw', key));
    expect(new TextDecoder().decode(raw)).toBe(vectorFile.secretKey);
  });

  it('is reusable: one key signs many messages, each as a fresh import would', async () => {
    const key = await importHmacKey(subtle, vectorFile.secretKey);
    for (const v of vectors) {
      const fresh = await importHmacKey(subtle, vectorFile.secretKey);
      expect(await signMessage(subtle, key, v.message)).toBe(await signMessage(subtle, fresh, v.message));
    }
  });
});

describe('signing vectors', async () => {
  const key = await importHmacKey(subtle, vectorFile.secretKey);

  it.each(vectors.map((v) => [v.name, v] as const))('%s', async (_name, v) => {
    expect(v.message).toBe(`${v.signedDate}${v.method}${v.path}${v.query}`);
    expect(formatSignedDate(epochOf(v.signedDate))).toBe(v.signedDate);
    expect(await signMessage(subtle, key, v.message)).toBe(v.signatureHex);
    expect(buildAuthorization({ accessKey: vectorFile.accessKey, signedDate: v.signedDate, signature: v.signatureHex })).toBe(
      v.authorization,
    );
    const authorization = await signRequest({
      subtle,
      key,
      accessKey: vectorFile.accessKey,
      method: v.method,
      path: v.path,
      query: v.query,
      now: epochOf(v.signedDate) + 400, // within the same second
    });
    expect(authorization).toBe(v.authorization);
    expect(v.requestUrl).toBe(`https://api-gateway.coupang.com${v.path}${v.query ? `?${v.query}` : ''}`);
  });

  it('signs lowercase hex', async () => {
    for (const v of vectors) expect(await signMessage(subtle, key, v.message)).toMatch(/^[0-9a-f]{64}$/);
  });

  it(`${NEGATIVE}: signing the raw text is not signing what goes on the wire`, async () => {
    const wireQuery = new URL(negative.requestUrl).search.slice(1);
    expect(wireQuery).toBe(encoded.query); // a URL sends the percent-encoded bytes
    const rawSignature = await signMessage(subtle, key, negative.message);
    const wireSignature = await signMessage(subtle, key, `${negative.signedDate}GET${negative.path}${wireQuery}`);
    expect(rawSignature).toBe(negative.signatureHex);
    expect(wireSignature).toBe(encoded.signatureHex);
    expect(rawSignature).not.toBe(wireSignature);
  });
});
