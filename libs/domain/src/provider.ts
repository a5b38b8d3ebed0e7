/**
 * The provider directory's vocabulary and rules (issue 16): who a provider
 * notice, a PCP or a utilization review names. Pure: no I/O.
 */
export const PROVIDER_ROLES = ['pcp', 'specialist', 'behavioral_health', 'hospitalist', 'pharmacist', 'facility', 'other'] as const;
export type ProviderRole = (typeof PROVIDER_ROLES)[number];

export function isProviderRole(value: unknown): value is ProviderRole {
  return typeof value === 'string' && (PROVIDER_ROLES as readonly string[]).includes(value);
}

export const PROVIDER_ENDPOINT_KINDS = ['email', 'webhook', 'direct'] as const;
export type ProviderEndpointKind = (typeof PROVIDER_ENDPOINT_KINDS)[number];

/** Directory ids: the same shape as every actor id (they become `sub` of provider tokens and actor ids on timelines). */
export const PROVIDER_ID_PATTERN = /^[A-Za-z0-9_.:@-]{1,64}$/;

/**
 * The NPI check digit (CMS, "Requirements for the NPI check digit"): the Luhn
 * formula over the 9 identifier digits prefixed with 80840 (the card-issuer
 * prefix for US health applications), which is the same as adding 24 to the
 * doubled-digit sum of the 9 digits alone.
 */
export function isValidNpi(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{10}$/.test(value)) {
    return false;
  }
  let sum = 24;
  for (let i = 0; i < 9; i++) {
    let d = Number(value[8 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10 === Number(value[9]);
}

/** An address a mail relay accepts: one @, no spaces or angle brackets, a dotted domain. Direct addresses have the same shape. */
const MAIL_ADDRESS = /^[^\s@<>()",;]{1,64}@[A-Za-z0-9-]{1,63}(\.[A-Za-z0-9-]{1,63})+$/;

export function isMailAddress(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 254 && MAIL_ADDRESS.test(value);
}

/** A webhook endpoint: absolute http(s) URL, no credentials in it (they would be stored and shown in the directory). */
export function webhookUrlProblem(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 2000) {
    return 'must be an http(s) URL of at most 2000 characters';
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'must be an absolute http(s) URL';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return 'must be an http(s) URL';
  }
  if (url.username || url.password) {
    return 'must not carry credentials';
  }
  return null;
}
