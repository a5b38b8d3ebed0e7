import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * AES-256-GCM for values at rest (the member registry's record documents),
 * under the same key list as the Temporal payload codec (`CARELOOP_PAYLOAD_KEYS`:
 * newest first and active, older keys still decrypt). Pure Node crypto, so
 * libs/persistence needs no Temporal package and libs/temporal parses its
 * key list here.
 *
 * A ciphertext is `v1.<kid>.<base64 iv|ciphertext|tag>`: it names its key, so
 * rotation never needs a guess and the re-encryption job finds old rows by
 * the key id column. `aad` binds a ciphertext to its row (the member id), so
 * a document copied onto another member's row does not decrypt.
 */
export interface CipherKey {
  readonly id: string;
  readonly key: Buffer;
}

const IV_BYTES = 12;
const TAG_BYTES = 16;
const FORMAT = 'v1';

/** The well-known development key (never in production: compose requires CARELOOP_PAYLOAD_KEYS). */
export const DEVELOPMENT_CIPHER_KEY: CipherKey = { id: 'dev', key: createHash('sha256').update('careloop-development-payload-key').digest() };

/**
 * `kid:base64key[,kid:base64key…]`, newest (active) first; each key 32 bytes.
 * Returns the problem instead of throwing, for the config schemas.
 */
export function parseCipherKeys(value: string): CipherKey[] | string {
  const keys: CipherKey[] = [];
  for (const entry of value.split(',')) {
    const [id, b64, extra] = entry.trim().split(':');
    if (!id || !b64 || extra !== undefined || !/^[A-Za-z0-9_.-]{1,32}$/.test(id)) {
      return 'must be kid:base64key[,kid:base64key…] with ids of letters, digits, "_", "." or "-"';
    }
    const key = Buffer.from(b64, 'base64');
    if (key.length !== 32) {
      return `key "${id}" must be 32 bytes (base64 of 32 random bytes, e.g. \`openssl rand -base64 32\`)`;
    }
    if (keys.some((k) => k.id === id)) {
      return `key id "${id}" appears twice`;
    }
    keys.push({ id, key });
  }
  return keys;
}

export class FieldCipher {
  private readonly byId: Map<string, Buffer>;

  constructor(private readonly keys: readonly CipherKey[]) {
    if (keys.length === 0) throw new Error('at least one cipher key is required');
    this.byId = new Map(keys.map((k) => [k.id, k.key]));
  }

  /** The key new ciphertexts are written under. */
  get activeKeyId(): string {
    return this.keys[0]!.id;
  }

  encrypt(plain: string, aad: string): string {
    const { id, key } = this.keys[0]!;
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(Buffer.from(aad));
    const data = Buffer.concat([iv, cipher.update(plain, 'utf8'), cipher.final(), cipher.getAuthTag()]);
    return `${FORMAT}.${id}.${data.toString('base64')}`;
  }

  /** Throws (naming only the key id) for an unknown key or a ciphertext that does not authenticate. */
  decrypt(ciphertext: string, aad: string): string {
    const [format, keyId, b64, extra] = ciphertext.split('.');
    if (format !== FORMAT || !keyId || !b64 || extra !== undefined) throw new Error('not a field ciphertext');
    const key = this.byId.get(keyId);
    if (!key) throw new Error(`value encrypted with key "${keyId}", which is not configured (CARELOOP_PAYLOAD_KEYS)`);
    const data = Buffer.from(b64, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(aad));
    decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
    return Buffer.concat([decipher.update(data.subarray(IV_BYTES, data.length - TAG_BYTES)), decipher.final()]).toString('utf8');
  }

  static keyIdOf(ciphertext: string): string {
    return ciphertext.split('.')[1] ?? '';
  }
}
