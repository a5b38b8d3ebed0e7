import type { Principal } from '../auth/principal';

/**
 * The authenticated integration client behind a request: `integration:<id>`
 * for an API key, the token subject for an OIDC token with the integration
 * role. It is part of every intake key, so a client can only repeat, conflict
 * with, update or cancel its own events, whatever source its messages name.
 */
export interface IntegrationSender {
  readonly clientId: string;
}

export function integrationSender(principal: Principal): IntegrationSender {
  return { clientId: principal.sub };
}
