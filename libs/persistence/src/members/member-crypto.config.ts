import { z } from 'zod';
import { BlindIndex, DEVELOPMENT_MEMBER_INDEX_KEY, parseMemberIndexKey } from './blind-index';
import { DEVELOPMENT_CIPHER_KEY, FieldCipher, parseCipherKeys, type CipherKey } from './field-cipher';

/**
 * The member registry's keys, validated at boot. The cipher uses the payload
 * codec's key list (CARELOOP_PAYLOAD_KEYS, parsed the same way); the blind
 * index has its own key. Unset (the development setup only: compose requires
 * both): the well-known development keys.
 */
export const memberCryptoEnvSchema = z.object({
  CARELOOP_MEMBER_INDEX_KEY: z
    .string()
    .optional()
    .superRefine((value, ctx) => {
      if (value !== undefined && typeof parseMemberIndexKey(value) === 'string') ctx.addIssue({ code: 'custom', message: parseMemberIndexKey(value) as string });
    }),
});

export interface MemberCrypto {
  readonly cipher: FieldCipher;
  readonly index: BlindIndex;
}

export function memberCryptoFrom(env: { readonly CARELOOP_PAYLOAD_KEYS?: string; readonly CARELOOP_MEMBER_INDEX_KEY?: string}): MemberCrypto {
  const keys = env.CARELOOP_PAYLOAD_KEYS === undefined ? [DEVELOPMENT_CIPHER_KEY] : parseCipherKeys(env.CARELOOP_PAYLOAD_KEYS);
  if (typeof keys === 'string') throw new Error(`CARELOOP_PAYLOAD_KEYS: ${keys}`);
  const indexKey = env.CARELOOP_MEMBER_INDEX_KEY === undefined ? DEVELOPMENT_MEMBER_INDEX_KEY : parseMemberIndexKey(env.CARELOOP_MEMBER_INDEX_KEY);
  if (typeof indexKey === 'string') throw new Error(`CARELOOP_MEMBER_INDEX_KEY: ${indexKey}`);
  return { cipher: new FieldCipher(keys as CipherKey[]), index: new BlindIndex(indexKey) };
}
