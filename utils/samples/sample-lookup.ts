import { parseInquiryResponse } from '../coupang/schema';
import { failure, success, type LookupValue } from '../messaging';
import type { Result } from '../coupang/error-kinds';
import { sampleResponseBody } from './sample-inquiries';

/**
 * A sample lookup: the bundled answer parsed by the same response schema as a real one, marked as
 * sample data. Any other ID is refused with 'not-sample': sample mode sends nothing to Coupang.
 */
export function lookupSample(id: string, now: number): Result<LookupValue> {
  const body = sampleResponseBody(id, now);
  if (body === undefined) return failure('not-sample');
  const parsed = parseInquiryResponse(body);
  if (!parsed.ok) return parsed;
  return success({ inquiry: parsed.value, fetchedAt: now, fromCache: false, sample: true });
}
