import type { FieldError, ProviderEndpoint, ProviderInput } from '@careloop/contracts';
import { isMailAddress, isProviderRole, isValidNpi, PROVIDER_ROLES, webhookUrlProblem } from '@careloop/domain';

/**
 * Checks a directory entry's details (the DTO, the seed file): every problem, each naming its field.
 * Shared by the API and the seed loader so both refuse the same entries.
 */
export function providerInputProblems(input: Partial<Record<keyof ProviderInput, unknown>>, prefix = ''): FieldError[] {
  const problems: FieldError[] = [];
  const at = (field: string, reason: string) => problems.push({ field: `${prefix}${field}`, reason });
  if (!isValidNpi(input.npi)) {
    at('npi', typeof input.npi === 'string' && /^\d{10}$/.test(input.npi) ? 'npi fails the NPI check digit' : 'npi must be 10 digits');
  }
  if (typeof input.name !== 'string' || input.name.trim().length === 0 || input.name.length > 200) {
    at('name', 'name must be 1-200 characters');
  }
  if (!isProviderRole(input.role)) {
    at('role', `role must be one of ${PROVIDER_ROLES.join(', ')}`);
  }
  if (input.organization !== undefined && input.organization !== null && (typeof input.organization !== 'string' || input.organization.length === 0 || input.organization.length > 200)) {
    at('organization', 'organization must be 1-200 characters or null');
  }
  problems.push(...endpointProblems(input.endpoint, `${prefix}endpoint`));
  return problems;
}

export function endpointProblems(value: unknown, field = 'endpoint'): FieldError[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return [{ field, reason: `${field} must be {kind:'email'|'direct', address} or {kind:'webhook', url}` }];
  }
  const e = value as Record<string, unknown>;
  const extra = Object.keys(e).filter((k) => k !== 'kind' && k !== (e.kind === 'webhook' ? 'url' : 'address'));
  if (e.kind === 'webhook') {
    const problem = webhookUrlProblem(e.url);
    return [...(problem ? [{ field: `${field}.url`, reason: `${field}.url ${problem}` }] : []), ...extra.map((k) => ({ field: `${field}.${k}`, reason: `${field}.${k} is not a field of a webhook endpoint` }))];
  }
  if (e.kind === 'email' || e.kind === 'direct') {
    return [
      ...(isMailAddress(e.address) ? [] : [{ field: `${field}.address`, reason: `${field}.address must be a mail address such as notices@clinic.example.org` }]),
      ...extra.map((k) => ({ field: `${field}.${k}`, reason: `${field}.${k} is not a field of an ${String(e.kind)} endpoint` })),
    ];
  }
  return [{ field: `${field}.kind`, reason: `${field}.kind must be email, webhook or direct` }];
}

/** The endpoint as stored: only its own fields. */
export function cleanEndpoint(e: ProviderEndpoint): ProviderEndpoint {
  return e.kind === 'webhook' ? { kind: 'webhook', url: e.url } : { kind: e.kind, address: e.address };
}
