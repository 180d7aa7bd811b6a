/** The vendor code Wing prints on every page (`업체코드 A00012345`): the store the seller is logged in to. */
import { looksLikeVendorId } from '@/utils/credentials-check';
import { labelledValues, type LabelRule } from './label-values';
import { labelPatterns } from './labels';

const VENDOR_CODE_RULE: LabelRule = {
  patterns: labelPatterns('업체코드', '[A-Za-z]\\d+'),
  accept: looksLikeVendorId,
};

/** The first vendor code after a 업체코드 label in `root`, upper-cased; in the same text or the next element. */
export function findVendorCode(root: ParentNode): string | undefined {
  for (const { value } of labelledValues(root, VENDOR_CODE_RULE)) return value.toUpperCase();
  return undefined;
}
