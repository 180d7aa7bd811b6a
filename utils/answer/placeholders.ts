/**
 * Saved answers may name the item and the inquiry: `{item}` / `{inquiry}` (also `{상품명}` / `{문의번호}`).
 * Unknown placeholders and missing values are left as written, so the seller sees and edits them.
 */
export interface PlaceholderValues {
  itemName?: string;
  inquiryId?: string;
}

export const PLACEHOLDERS = ['{item}', '{inquiry}', '{상품명}', '{문의번호}'] as const;

export function fillPlaceholders(template: string, values: PlaceholderValues): string {
  return template.replace(/\{(item|inquiry|상품명|문의번호)\}/gu, (whole, name: string) => {
    const value = name === 'item' || name === '상품명' ? values.itemName : values.inquiryId;
    return value === undefined || value === '' ? whole : value;
  });
}
