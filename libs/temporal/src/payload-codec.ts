import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { DEVELOPMENT_CIPHER_KEY, parseCipherKeys } from '@careloop/persistence';
import type { DataConverter, Payload, PayloadCodec } from '@temporalio/common';
import { temporal } from '@temporalio/proto';

const ENCODING = 'binary/encrypted';
const CIPHER = 'AES256GCM';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface PayloadKey {
  readonly id: string;
  readonly key: Buffer;
}

/**
 * AES-256-GCM payload codec (Temporal's encryption sample, hardened): every
 * payload is encrypted with the active key and a random IV, and names its
 * key id in the metadata, so keys can rotate while old histories still
 * decode with the older keys. Payloads that were never encrypted pass
 * through on decode (histories from before encryption was turned on).
 * Search attributes are not payloads of this codec: they stay readable and
 * must never hold PHI.
 */
export class AesGcmPayloadCodec implements PayloadCodec {
  private readonly byId: Map<string, Buffer>;

  constructor(private readonly keys: readonly PayloadKey[]) {
    if (keys.length === 0) {
      throw new Error('at least one payload key is required');
    }
    this.byId = new Map(keys.map((k) => [k.id, k.key]));
  }

  async encode(payloads: Payload[]): Promise<Payload[]> {
    const { id, key } = this.keys[0]!;
    return payloads.map((payload) => {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const plain = temporal.api.common.v1.Payload.encode(payload).finish();
      const data = Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
      return {
        metadata: {
          encoding: Buffer.from(ENCODING),
          'encryption-cipher': Buffer.from(CIPHER),
          'encryption-key-id': Buffer.from(id),
        },
        data,
      };
    });
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => {
      if (Buffer.from(payload.metadata?.encoding ?? []).toString() !== ENCODING) {
        return payload;
      }
      const keyId = Buffer.from(payload.metadata?.['encryption-key-id'] ?? []).toString();
      const key = this.byId.get(keyId);
      if (!key) {
        throw new Error(`payload encrypted with key "${keyId}", which is not configured (CARELOOP_PAYLOAD_KEYS)`);
      }
      const data = Buffer.from(payload.data ?? []);
      const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, IV_BYTES));
      decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
      const plain = Buffer.concat([decipher.update(data.subarray(IV_BYTES, data.length - TAG_BYTES)), decipher.final()]);
      return temporal.api.common.v1.Payload.decode(plain);
    });
  }
}

/**
 * The payload codec and the member registry's field cipher share one key list
 * (`CARELOOP_PAYLOAD_KEYS`) and its parser, which lives with the cipher in
 * libs/persistence (pure Node crypto) so persistence needs no Temporal package.
 */
export const DEVELOPMENT_PAYLOAD_KEY: PayloadKey = DEVELOPMENT_CIPHER_KEY;
export const parsePayloadKeys: (value: string) => PayloadKey[] | string = parseCipherKeys;

/** The module the workflow bundle, client and worker load the failure converter from (encoded failure messages). */
export const FAILURE_CONVERTER_PATH = require.resolve('./failure-converter');

/**
 * What client, worker and tools share: encrypted payloads, and failure
 * messages and stack traces encoded as payloads so the codec encrypts them too.
 */
export function careloopDataConverter(keys: readonly PayloadKey[]): DataConverter {
  return { payloadCodecs: [new AesGcmPayloadCodec(keys)], failureConverterPath: FAILURE_CONVERTER_PATH };
}
