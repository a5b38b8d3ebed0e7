import type { ProviderRole } from '@careloop/domain';

/**
 * The provider directory's API shapes (issue 16). A directory entry is not
 * member PHI: names, NPIs and endpoints of providers are public business data.
 * `id` is what everything else names a provider by (a case's `pcpId`, a
 * review's `providerId`, a provider token's `sub`).
 */
export type ProviderEndpoint =
  | { readonly kind: 'email'; readonly address: string }
  | { readonly kind: 'webhook'; readonly url: string }
  /** A Direct secure-messaging address (HISP), delivered through the configured SMTP relay. */
  | { readonly kind: 'direct'; readonly address: string };

export interface ProviderInput {
  readonly npi: string;
  readonly name: string;
  readonly role: ProviderRole;
  readonly organization?: string | null;
  readonly endpoint: ProviderEndpoint;
}

/** `POST /providers`: `id` optional (else `prv-` + the NPI); the same body again answers the same entry. */
export interface CreateProviderInput extends ProviderInput {
  readonly id?: string;
}

/** `PUT /providers/:id`: the whole entry; `active` defaults to the entry's current value. */
export interface UpdateProviderInput extends ProviderInput {
  readonly active?: boolean;
}

export interface ProviderEntry extends ProviderInput {
  readonly id: string;
  readonly organization: string | null;
  readonly active: boolean;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** Where a provider reads a notice in CareLoop (appended to CARELOOP_PUBLIC_URL in notice messages). */
export const PROVIDER_NOTICE_PATH = '/app/provider';
