/**
 * Who may call CareLoop (DESIGN §6). A token carries exactly one role; what a
 * role may do, and on which cases, is decided by the API's access policy
 * (apps/api/src/auth/access-policy.ts) and nowhere else.
 */
export const ROLES = ['care_manager', 'supervisor', 'provider', 'committee', 'integration', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
