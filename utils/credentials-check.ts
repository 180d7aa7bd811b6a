/** Checks on typed credentials, shared by the options page (inline) and the background (authoritative). */
export interface CredentialsInput {
  accessKey: string;
  vendorId: string;
  /** Omitted or empty: keep the saved secret. */
  secretKey?: string;
}

export type CredentialsProblem = { field: 'accessKey' | 'vendorId' | 'secretKey'; problem: 'empty' | 'spaces' };

/** Trimmed values, and the problems that block saving. */
export function checkCredentials(input: CredentialsInput): { values: CredentialsInput; problems: CredentialsProblem[] } {
  const values = {
    accessKey: input.accessKey.trim(),
    vendorId: input.vendorId.trim().toUpperCase(),
    secretKey: input.secretKey?.trim() || undefined,
  };
  const problems: CredentialsProblem[] = [];
  for (const field of ['accessKey', 'vendorId', 'secretKey'] as const) {
    const value = values[field];
    if (value === undefined) continue;
    if (value === '') problems.push({ field, problem: 'empty' });
    else if (/\s/.test(value)) problems.push({ field, problem: 'spaces' });
  }
  return { values, problems };
}

/** Coupang vendor IDs look like A00012345; anything else is saved with a warning, not refused. */
export function looksLikeVendorId(vendorId: string): boolean {
  return /^A\d{6,12}$/.test(vendorId.trim().toUpperCase());
}

