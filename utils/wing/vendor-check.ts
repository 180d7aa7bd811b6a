import type { VendorMismatch } from '@/components/hover-card';
import type { ask as askBackground } from '../extension-api';

export interface VendorCheckOptions {
  ask: typeof askBackground;
  /** The vendor code printed on the page (업체코드), read when the check runs. */
  pageVendor: () => string | undefined;
}

/**
 * Once per page: does the store shown on the page (its 업체코드) match the saved key's? Reset on in-app
 * navigation, since the next view may belong to another store.
 */
export function createVendorCheck({ ask, pageVendor }: VendorCheckOptions) {
  let check: Promise<VendorMismatch | undefined> | undefined;
  let mismatch: VendorMismatch | undefined;
  return {
    /** Starts the check if it has not run on this page; `onMismatch` runs when the stores differ. */
    run(onMismatch: () => void): void {
      const onPage = pageVendor();
      // The background compares; the saved vendor ID never comes to the page.
      check ??= onPage ? ask({ type: 'check-vendor', pageVendor: onPage }).then((answer) => (answer.ok && answer.value === 'differs' ? { pageVendor: onPage } : undefined)) : Promise.resolve(undefined);
      const started = check;
      void started.then((found) => {
        if (!found || check !== started) return;
        mismatch = found;
        onMismatch();
      });
    },
    get mismatch(): VendorMismatch | undefined {
      return mismatch;
    },
    reset(): void {
      check = undefined;
      mismatch = undefined;
    },
  };
}
