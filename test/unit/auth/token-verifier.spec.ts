import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type KeyLike } from 'jose';
import { authConfigFrom, authEnvSchema, DEVELOPMENT_JWT_SECRET } from '../../../apps/api/src/auth/auth.config';
import { mintLocalToken } from '../../../apps/api/src/auth/local-token';
import { InvalidCredentials, TokenVerifier } from '../../../apps/api/src/auth/token-verifier';
import { testToken, USERS } from '../../support/auth';

const localConfig = authConfigFrom(authEnvSchema.parse({}));

describe('TokenVerifier, local signing secret', () => {
  const verifier = new TokenVerifier(localConfig);

  it('accepts a token minted by npm run token and one signed by another HS256 implementation', async () => {
    await expect(verifier.verify(await mintLocalToken({ sub: 'sup-1', role: 'supervisor', team: 'north' }))).resolves.toEqual({
      kind: 'user',
      sub: 'sup-1',
      role: 'supervisor',
      team: 'north',
    });
    await expect(verifier.verify(testToken(USERS.provider))).resolves.toMatchObject({ sub: 'prov-1', role: 'provider', team: null });
    await expect(verifier.verify(testToken(USERS.integration))).resolves.toMatchObject({ kind: 'integration' });
  });

  it.each([
    ['expired', testToken(USERS.cm1, { exp: Math.floor(Date.now() / 1000) - 120 })],
    ['signed with another secret', testToken(USERS.cm1, {}, 'x'.repeat(40))],
    ['for another audience', testToken(USERS.cm1, { aud: 'someone-else' })],
    ['from another issuer', testToken(USERS.cm1, { iss: 'https://evil.example' })],
    ['with an unknown role', testToken(USERS.cm1, { role: 'root' })],
    ['without a subject', testToken(USERS.cm1, { sub: undefined })],
    ['with an unprintable subject', testToken(USERS.cm1, { sub: 'a b\n' })],
    ['with a team that is not a string', testToken(USERS.cm1, { team: ['north', 'south'] })],
    ['without expiry', testToken(USERS.cm1, { exp: undefined })],
    ['unsigned (alg none)', `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${testToken(USERS.admin).split('.')[1]}.`],
    ['not a JWT at all', 'abc.def.ghi'],
  ])('refuses a token %s', async (_name, token) => {
    await expect(verifier.verify(token)).rejects.toBeInstanceOf(InvalidCredentials);
  });

  it('refuses to boot in production on the public development secret', () => {
    expect(() => authConfigFrom(authEnvSchema.parse({ NODE_ENV: 'production' }))).toThrow(/AUTH_JWKS_URL/);
    expect(authConfigFrom(authEnvSchema.parse({ NODE_ENV: 'production', AUTH_JWT_SECRET: 's'.repeat(40) })).jwtSecret).not.toBe(DEVELOPMENT_JWT_SECRET);
    expect(authEnvSchema.safeParse({ AUTH_JWT_SECRET: 'short' }).success).toBe(false);
  });
});

describe('TokenVerifier, OIDC issuer JWKS', () => {
  let server: Server;
  let verifier: TokenVerifier;
  let privateKey: KeyLike;

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    privateKey = pair.privateKey as KeyLike;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    server = createServer((_req, res) => res.setHeader('content-type', 'application/json').end(JSON.stringify({ keys: [jwk] })));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    verifier = new TokenVerifier(
      authConfigFrom(authEnvSchema.parse({ AUTH_JWKS_URL: `http://127.0.0.1:${port}/jwks`, AUTH_ISSUER: 'https://idp.example', AUTH_AUDIENCE: 'careloop' })),
    );
  });

  afterAll(() => new Promise((resolve) => server.close(resolve)));

  const sign = (claims: Record<string, unknown>, key: KeyLike | Uint8Array, alg = 'RS256') =>
    new SignJWT(claims).setProtectedHeader({ alg, kid: 'k1' }).setSubject('cm-1').setIssuer('https://idp.example').setAudience('careloop').setExpirationTime('5m').sign(key);

  it("accepts the issuer's RS256 token", async () => {
    await expect(verifier.verify(await sign({ role: 'care_manager', team: 'north' }, privateKey))).resolves.toMatchObject({ sub: 'cm-1', team: 'north' });
  });

  it('refuses an HS256 token even when signed with the local development secret (no algorithm confusion)', async () => {
    await expect(verifier.verify(await sign({ role: 'admin' }, new TextEncoder().encode(DEVELOPMENT_JWT_SECRET), 'HS256'))).rejects.toBeInstanceOf(InvalidCredentials);
  });

  it('refuses a token signed by a key the issuer does not publish', async () => {
    const other = await generateKeyPair('RS256');
    await expect(verifier.verify(await sign({ role: 'admin' }, other.privateKey as KeyLike))).rejects.toBeInstanceOf(InvalidCredentials);
  });
});
