import type { Role } from './roles';

/** `GET /auth/me`: whom the token or session belongs to (read by the console at sign-in). */
export interface CurrentUserView {
  readonly sub: string;
  readonly role: Role;
  /** Scopes care managers and supervisors to their team's cases; null when none. */
  readonly team: string | null;
}
