import { readFileSync } from 'node:fs';

const FIXTURES = new URL('../../fixtures/inquiries/', import.meta.url);

/** The raw response body for an inquiry ID, exactly as the gateway simulator serves it. */
export function readFixture(inquiryId: string): string {
  return readFileSync(new URL(`${inquiryId}.json`, FIXTURES), 'utf8');
}
