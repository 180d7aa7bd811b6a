import { describe, expect, it } from 'vitest';
import { isCallCenterScope } from '@/utils/wing/route-scope';

const at = (url: string) => isCallCenterScope(new URL(url));

describe('isCallCenterScope', () => {
  it('call-center pages and the rest of Wing are in scope', () => {
    expect(at('https://wing.coupang.com/tenants/cs/csinquiry/')).toBe(true);
    expect(at('https://wing.coupang.com/tenants/cs/csinquiry/detail?inquiryId=1')).toBe(true);
    expect(at('https://wing.coupang.com/tenants/cs/product/inquiries-help')).toBe(true);
  });

  it('product Q&A is not, whatever follows the path', () => {
    expect(at('https://wing.coupang.com/tenants/cs/product/inquiries')).toBe(false);
    expect(at('https://wing.coupang.com/tenants/cs/product/inquiries/?page=2')).toBe(false);
    expect(at('https://wing.coupang.com/Tenants/CS/Product/Inquiries/123')).toBe(false);
  });

  it('a page off Wing (the extension demo page) is always in scope', () => {
    expect(at('chrome-extension://abcdef/demo.html')).toBe(true);
  });
});
