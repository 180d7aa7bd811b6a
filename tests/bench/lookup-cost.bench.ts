import { readFileSync } from 'node:fs';
import { bench, describe } from 'vitest';
import { inquiryPath } from '@/utils/coupang/client';
import { parseInquiryResponse } from '@/utils/coupang/schema';
import { importHmacKey, signRequest } from '@/utils/coupang/signing';

/** The client-side cost of one lookup, read as a ratio to a plain JSON.parse of the same body. */

const subtle = globalThis.crypto.subtle;
const body = readFileSync(new URL('../fixtures/inquiries/258799946.json', import.meta.url), 'utf8');
const key = await importHmacKey(subtle, 'f00dcafe0123456789abcdef0123456789abcdef');
const path = inquiryPath('258799946');
const accessKey = 'a1b2c3d4-e5f6-7890-abcd-ef1234567890';
// Long runs: the first calls JIT-compile zod's parsers, and a shared 2-core machine is noisy.
const options = { time: 2_000, warmupTime: 500 };

const sign = () => signRequest({ subtle, key, accessKey, method: 'GET', path, query: '', now: Date.now() });
const parse = () => {
  const result = parseInquiryResponse(body);
  if (!result.ok) throw new Error(result.error.kind);
};

describe('one lookup, client side', () => {
  bench('baseline: JSON.parse of the body', () => void JSON.parse(body), options);

  bench('sign + parse', async () => {
    await sign();
    parse();
  }, options);

  bench('sign only', async () => void (await sign()), options);

  bench('parse only', parse, options);
});
