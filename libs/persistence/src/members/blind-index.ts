import { createHash, createHmac } from 'node:crypto';
import { normaliseForIndex } from '@careloop/domain';

/**
 * Blind indexes for exact-match member search: HMAC-SHA256 under a key of
 * its own (`CARELOOP_MEMBER_INDEX_KEY`, never the cipher keys), over the
 * normalised value (libs/domain normaliseForIndex) prefixed by what it is.
 * They reveal equality only: two rows with the same digest hold the same
 * normalised value. Changing the index key needs a reindex.
 */
export const MEMBER_INDEX_KINDS = ['plan', 'identifier', 'family_birth', 'given_family_birth'] as const;
export type MemberIndexKind = (typeof MEMBER_INDEX_KINDS)[number];

/** The well-known development index key (never in production: compose requires CARELOOP_MEMBER_INDEX_KEY). */
export const DEVELOPMENT_MEMBER_INDEX_KEY = createHash('sha256').update('careloop-development-member-index-key').digest();

/** A base64 index key of 32 bytes, or the problem (for the config schemas). */
export function parseMemberIndexKey(value: string): Buffer | string {
  const key = Buffer.from(value, 'base64');
  return key.length === 32 ? key : 'must be base64 of 32 random bytes (e.g. `openssl rand -base64 32`)';
}

export interface IndexEntry {
  readonly kind: MemberIndexKind;
  readonly digest: string;
}

export class BlindIndex {
  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new Error('the member index key must be 32 bytes');
  }

  digest(kind: MemberIndexKind, ...parts: readonly string[]): string {
    return createHmac('sha256', this.key)
      .update([kind, ...parts.map(normaliseForIndex)].join('\u0000'))
      .digest('hex');
  }

  /**
   * An HMAC of an exact value (not normalised), for telling two request
   * bodies apart without storing them (POST /members Idempotency-Key).
   */
  fingerprint(value: string): string {
    return createHmac('sha256', this.key).update(`fingerprint\u0000${value}`).digest('hex');
  }

  planId(value: string): IndexEntry {
    return { kind: 'plan', digest: this.digest('plan', value) };
  }

  identifier(kind: string, value: string, system: string | undefined): IndexEntry {
    return { kind: 'identifier', digest: this.digest('identifier', kind, system ?? '', value) };
  }

  familyBirth(family: string, birthDate: string): IndexEntry {
    return { kind: 'family_birth', digest: this.digest('family_birth', family, birthDate) };
  }

  /** Given names joined by one space, so "Ana María" and ["Ana", "María"] match. */
  givenFamilyBirth(given: string | readonly string[], family: string, birthDate: string): IndexEntry {
    const g = typeof given === 'string' ? given : given.join(' ');
    return { kind: 'given_family_birth', digest: this.digest('given_family_birth', g, family, birthDate) };
  }
}
