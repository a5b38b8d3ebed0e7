import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startSmtpCapture, type SmtpCapture } from '../support/smtp-capture.harness';
import { startE2eStack, type E2eStack } from '../support/e2e-stack';
import { USERS } from '../support/auth';
import { eventually } from '../support/eventually';
import { dateFromToday } from '../support/fixture-dates';

/**
 * The provider directory through HTTP on the real stack (issue 16): admins keep it, the care side
 * searches it, provider tokens must name an active entry, and a PCP change's notice reaches the new
 * PCP at their endpoint — a webhook and a real SMTP server this suite runs — without PHI.
 */
describe('provider directory (real Temporal, real Postgres, real SMTP)', () => {
  let stack: E2eStack;
  let webhook: Server;
  let smtp: SmtpCapture;
  const posts: { headers: IncomingHttpHeaders; body: string }[] = [];
  let webhookUrl = '';

  beforeAll(async () => {
    webhook = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        posts.push({ headers: req.headers, body });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => webhook.listen(0, '127.0.0.1', resolve));
    webhookUrl = `http://127.0.0.1:${(webhook.address() as AddressInfo).port}/notices`;
    smtp = await startSmtpCapture();
    stack = await startE2eStack('providers', { CARELOOP_SMTP_URL: smtp.url, CARELOOP_PUBLIC_URL: 'https://careloop.example.org' });
  });

  afterAll(async () => {
    await stack?.close();
    await new Promise((resolve) => webhook?.close(resolve));
    await smtp?.close();
  });

  const admin = () => stack.as(USERS.admin);
  const webhookProvider = () => ({ npi: '2000000010', name: 'Dr. Hook Example', role: 'pcp', organization: 'Webhook Clinic', endpoint: { kind: 'webhook', url: webhookUrl } });
  const emailProvider = { id: 'prv-mail-1', npi: '2000000028', name: 'Dr. Mail Example', role: 'specialist', endpoint: { kind: 'email', address: 'inbox@mail-clinic.example.org' } };

  it('admin adds providers, idempotently; the id or NPI of another entry is a 400 naming it', async () => {
    const first = await admin().post('/providers').send(webhookProvider()).expect(201);
    expect(first.body).toMatchObject({ id: 'prv-2000000010', npi: '2000000010', role: 'pcp', active: true, endpoint: { kind: 'webhook', url: webhookUrl } });
    const again = await admin().post('/providers').send(webhookProvider()).expect(200);
    expect(again.body.id).toBe('prv-2000000010');
    await admin().post('/providers').send(emailProvider).expect(201);
    const sameNpi = await admin().post('/providers').send({ ...emailProvider, id: 'prv-other' }).expect(400);
    expect(sameNpi.body.errors).toEqual([{ field: 'npi', reason: 'npi: another directory entry has this NPI' }]);
    const sameId = await admin().post('/providers').send({ ...emailProvider, name: 'Someone Else' }).expect(400);
    expect(sameId.body.errors[0].field).toBe('id');
    // The care side may read but not write.
    await stack.as(USERS.cm1).post('/providers').send({ ...emailProvider, id: 'prv-x', npi: '2000000036' }).expect(403);
  });

  it.each([
    ['a bad NPI check digit', { npi: '2000000011' }, 'npi'],
    ['a URL that is not http(s)', { endpoint: { kind: 'webhook', url: 'ftp://clinic.example.org/x' } }, 'endpoint.url'],
    ['an unknown role', { role: 'surgeon' }, 'role'],
    ['an endpoint of no known kind', { endpoint: { kind: 'fax', number: '555' } }, 'endpoint.kind'],
  ])('refuses %s with a 400 naming the field, and stores nothing', async (_what, patch, field) => {
    const res = await admin().post('/providers').send({ ...webhookProvider(), id: 'prv-bad', npi: '2000000036', ...patch }).expect(400);
    expect(res.body.code).toBe('validation_failed');
    expect((res.body.errors as { field: string }[]).map((e) => e.field)).toContain(field);
    await admin().get('/providers/prv-bad').expect(404);
  });

  it('the care side finds providers by NPI and name; a provider reads only their own entry', async () => {
    const cm = stack.as(USERS.cm1);
    expect((await cm.get('/providers?npi=2000000028').expect(200)).body.providers.map((p: { id: string }) => p.id)).toEqual(['prv-mail-1']);
    expect((await cm.get('/providers?name=HOOK').expect(200)).body.providers.map((p: { id: string }) => p.id)).toEqual(['prv-2000000010']);
    expect((await cm.get('/providers?npi=12').expect(400)).body.errors[0].field).toBe('npi');
    await stack.as(USERS.provider).get('/providers/prov-1').expect(200);
    await stack.as(USERS.provider).get('/providers/prov-9').expect(404);
    await stack.as(USERS.provider).get('/providers?name=dr').expect(403);
  });

  it('refuses a provider token whose subject is not an active directory entry (403 provider_not_in_directory)', async () => {
    const unknown = await stack.as({ sub: 'prov-nobody', role: 'provider' }).get('/programs/CCM/information').expect(403);
    expect(unknown.body.code).toBe('provider_not_in_directory');
    await admin().post('/providers').send({ id: 'prv-leaving', npi: '2000000036', name: 'Dr. Leaving', role: 'other', endpoint: { kind: 'email', address: 'x@leaving.example.org' } }).expect(201);
    await stack.as({ sub: 'prv-leaving', role: 'provider' }).get('/providers/prv-leaving').expect(200);
    expect((await admin().post('/providers/prv-leaving/deactivate').expect(200)).body.active).toBe(false);
    const gone = await stack.as({ sub: 'prv-leaving', role: 'provider' }).get('/providers/prv-leaving').expect(403);
    expect(gone.body.code).toBe('provider_not_in_directory');
  });

  it('a PCP change must name an active directory provider; the new PCP gets a PHI-free notice at their webhook and by mail', async () => {
    const cm = stack.as(USERS.cm1);
    const memberRef = 'M-PRV-E2E-1';
    await stack.registerMember(memberRef);
    const id: string = (await cm.post('/cases').send({ memberRef, programCode: 'CCM', enrollmentDate: dateFromToday(0) }).expect(201)).body.id;
    const unknown = await cm.post(`/cases/${id}/pcp`).send({ pcpId: 'pcp-nowhere' }).expect(400);
    expect(unknown.body.errors).toEqual([{ field: 'pcpId', reason: 'pcpId: no active provider with this id in the directory' }]);
    expect((await cm.post(`/cases/${id}/pcp`).send({ pcpId: 'prv-leaving' }).expect(400)).body.errors[0].field).toBe('pcpId');

    await cm.post(`/cases/${id}/pcp`).send({ pcpId: 'prv-2000000010' }).expect(200);
    const [post] = await eventually(async () => posts, (p) => p.length >= 1);
    const body = JSON.parse(post!.body) as Record<string, unknown>;
    expect(body).toMatchObject({ kind: 'careloop.provider_notice', providerId: 'prv-2000000010', notice: 'pcp_care_plan_handover', readAt: 'https://careloop.example.org/app/provider' });
    expect(post!.headers['idempotency-key']).toBe(body.reference);
    expect(post!.body).not.toContain(memberRef);
    expect(post!.body).not.toContain(id);

    await cm.post(`/cases/${id}/pcp`).send({ pcpId: 'prv-mail-1' }).expect(200);
    const [mail] = await eventually(async () => smtp.mails, (m) => m.length >= 1);
    expect(mail!.to).toEqual(['inbox@mail-clinic.example.org']);
    expect(mail!.raw).toContain('Subject: CareLoop: a new notice for you');
    expect(mail!.raw).toContain('https://careloop.example.org/app/provider');
    expect(mail!.raw).not.toContain(memberRef);
    expect(mail!.raw).not.toContain(id);
    const rows = await eventually(
      () => stack.sql(`SELECT status FROM notifications WHERE case_id = $1 AND template = 'pcp_care_plan_handover' ORDER BY created_at`, [id]),
      (r) => r.length === 2 && r.every((n) => n.status === 'delivered'),
    );
    expect(rows).toEqual([{ status: 'delivered' }, { status: 'delivered' }]);
    expect(posts).toHaveLength(1);
  });
});
