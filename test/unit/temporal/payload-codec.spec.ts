import { randomBytes } from 'node:crypto';
import { defaultPayloadConverter } from '@temporalio/common';
import { AesGcmPayloadCodec, parsePayloadKeys, temporalConfigFrom, temporalEnvSchema } from '@careloop/temporal';

describe('AesGcmPayloadCodec', () => {
  const k1 = { id: 'k1', key: randomBytes(32) };
  const k2 = { id: 'k2', key: randomBytes(32) };
  const member = { memberRef: 'M-000123', diagnosis: 'heart failure' };
  const payload = () => defaultPayloadConverter.toPayload(member);

  it('encrypts with the active key and a random IV, naming the key id, and decodes back', async () => {
    const codec = new AesGcmPayloadCodec([k1]);
    const [a] = await codec.encode([payload()]);
    const [b] = await codec.encode([payload()]);
    expect(Buffer.from(a!.metadata!.encoding!).toString()).toBe('binary/encrypted');
    expect(Buffer.from(a!.metadata!['encryption-key-id']!).toString()).toBe('k1');
    expect(Buffer.from(a!.data!).toString('latin1')).not.toContain('M-000123');
    expect(Buffer.from(a!.data!).equals(Buffer.from(b!.data!))).toBe(false);
    const [decoded] = await codec.decode([a!]);
    expect(defaultPayloadConverter.fromPayload(decoded!)).toEqual(member);
  });

  it('rotates: new payloads use the new key, old ones still decode, a dropped key fails loudly', async () => {
    const [old] = await new AesGcmPayloadCodec([k1]).encode([payload()]);
    const rotated = new AesGcmPayloadCodec([k2, k1]);
    const [fresh] = await rotated.encode([payload()]);
    expect(Buffer.from(fresh!.metadata!['encryption-key-id']!).toString()).toBe('k2');
    expect((await rotated.decode([old!, fresh!])).map((p) => defaultPayloadConverter.fromPayload(p))).toEqual([member, member]);
    await expect(new AesGcmPayloadCodec([k2]).decode([old!])).rejects.toThrow('key "k1", which is not configured');
  });

  it('refuses a tampered payload and passes unencrypted ones through', async () => {
    const codec = new AesGcmPayloadCodec([k1]);
    const [enc] = await codec.encode([payload()]);
    const data = Buffer.from(enc!.data!);
    data[20] = data[20]! ^ 0xff;
    await expect(codec.decode([{ ...enc!, data }])).rejects.toThrow();
    const plain = payload();
    expect(await codec.decode([plain])).toEqual([plain]);
  });

  it('reads keys from the environment, active first, and names what is wrong', () => {
    const a = randomBytes(32).toString('base64');
    const b = randomBytes(32).toString('base64');
    expect(temporalConfigFrom(temporalEnvSchema.parse({ CARELOOP_PAYLOAD_KEYS: `2026-11:${a},2026-01:${b}` })).payloadKeys.map((k) => k.id)).toEqual(['2026-11', '2026-01']);
    expect(temporalConfigFrom(temporalEnvSchema.parse({})).payloadKeys.map((k) => k.id)).toEqual(['dev']);
    expect(parsePayloadKeys('k1:c2hvcnQ=')).toMatch(/must be 32 bytes/);
    expect(parsePayloadKeys(`k1:${a},k1:${b}`)).toMatch(/appears twice/);
    const bad = temporalEnvSchema.safeParse({ CARELOOP_PAYLOAD_KEYS: 'nonsense' });
    expect(bad.success).toBe(false);
    expect(JSON.stringify(bad.error?.issues)).not.toContain('nonsense');
  });
});
