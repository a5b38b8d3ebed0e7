import fc from 'fast-check';
import { startE2eStack, type E2eStack } from '../support/e2e-stack';
import { eventually } from '../support/eventually';
import { USERS } from '../support/auth';

/**
 * Malformed, oversized, wrongly typed and injection-shaped input at every
 * POST endpoint of the OpenAPI document (so a new endpoint is covered the
 * day it lands): each gets a 4xx problem with a clear reason, and nothing
 * changes in Postgres or in Temporal.
 */
describe('hostile input (real Temporal, real Postgres)', () => {
  let stack: E2eStack;
  let caseId: string;
  let postRoutes: string[];

  beforeAll(async () => {
    stack = await startE2eStack('hostile', { RATE_LIMIT_PER_MINUTE: '100000' });
    await stack.registerMember('M-HOSTILE');
    const created = await stack.as(USERS.admin).post('/cases').send({ memberRef: 'M-HOSTILE', programCode: 'CCM', enrollmentDate: new Date().toISOString().slice(0, 10) }).expect(201);
    caseId = created.body.id;
    // The case settles (its first activities done, waiting on outreach: no pending activity and the
    // history unchanged for two seconds) before anything is compared.
    let last = -1;
    await eventually(
      () => stack.temporal.workflow.getHandle(caseId).describe(),
      (d) => {
        const settled = (d.raw.pendingActivities ?? []).length === 0 && d.historyLength === last;
        last = d.historyLength;
        return settled;
      },
      60_000,
      2_000,
    );
    const doc = (await stack.as(USERS.admin).get('/openapi.json').expect(200)).body as { paths: Record<string, Record<string, unknown>> };
    postRoutes = Object.entries(doc.paths)
      .filter(([path, ops]) => 'post' in ops && !path.startsWith('/auth/'))
      .map(([path]) => path.replace('{id}', idFor(path)).replace('{number}', '1').replace('{version}', '1').replace('{rid}', 'pr-1').replace('{task}', 'member_contact').replace('{goalId}', 'g1'));
  });

  afterAll(async () => {
    await stack?.close();
  });

  /** A well-formed id of the kind each route takes (the case exists; the others need not: bodies are checked first). */
  function idFor(path: string): string {
    if (path.startsWith('/utilization-reviews/')) return 'ur-000000000000000000000000';
    if (path.startsWith('/complaints/')) return 'complaint-000000000000000000000000';
    if (path.startsWith('/discharges/')) return 'discharge-000000000000000000000000';
    if (path.startsWith('/member-duplicates/')) return 'dup_0123456789abcdefghjkmnpqrs';
    if (path.startsWith('/worklist/')) return 'case:case-ccm-000000000000000000000000:run-1:contact-1';
    if (path.startsWith('/inbox/')) return '00000000-0000-4000-8000-000000000000';
    return caseId;
  }

  /** The FHIR routes answer OperationOutcome (application/fhir+json) instead of problem details, fields named by FHIR path. */
  const isFhir = (route: string) => route.startsWith('/fhir/');

  /** Integrations' intake endpoints take their API key; everything else an admin may call. */
  const clientFor = (route: string) => (route.startsWith('/integrations/') ? stack.asIntegration() : stack.as(USERS.admin));

  /** Everything that a refused request must leave untouched. */
  async function snapshot() {
    const [counts] = await stack.sql(`SELECT (SELECT count(*) FROM cases)::int AS cases, (SELECT count(*) FROM case_events)::int AS events,
      (SELECT count(*) FROM notifications)::int AS notifications, (SELECT count(*) FROM supervisor_actions)::int AS actions,
      (SELECT count(*) FROM case_notes)::int AS notes, (SELECT count(*) FROM member_versions)::int AS memberVersions,
      (SELECT count(*) FROM member_duplicate_flags WHERE resolution IS NOT NULL)::int AS resolvedFlags`);
    const described = await stack.temporal.workflow.getHandle(caseId).describe();
    const { count: workflows } = await stack.temporal.workflow.count(`TaskQueue = '${stack.taskQueue}'`);
    return { ...counts, historyLength: described.historyLength, workflows };
  }

  const hostileBodies: [string, unknown][] = [
    ['an unknown field', { zzz: 'x' }],
    ['prototype pollution', JSON.parse('{"__proto__": {"admin": true}, "constructor": {"prototype": {"admin": true}}}')],
    ['an array instead of an object', [{ reason: 'x' }]],
    ['wrongly typed fields', { reason: 42, careManagerId: ['cm-1'], answers: 'yes', plan: 7, outcome: { $gt: '' }, taskKey: null, kind: true, text: {} }],
    ['SQL-shaped identifiers', { careManagerId: "cm-1' OR '1'='1", taskKey: "x'; DROP TABLE cases; --", pcpId: '1 OR 1=1', memberRef: "M'--", programCode: 'CCM; DELETE' }],
    ['a deeply nested object', JSON.parse(`${'{"a":'.repeat(200)}1${'}'.repeat(200)}`)],
  ];

  it('refuses every hostile body at every POST endpoint with a 4xx naming what is wrong, and changes nothing', async () => {
    const before = await snapshot();
    const seen: string[] = [];
    for (const route of postRoutes) {
      for (const [name, body] of hostileBodies) {
        const res = await clientFor(route).post(route).set('content-type', 'application/json').send(JSON.stringify(body));
        seen.push(`${route} ${name}: ${res.status}`);
        expect({ route, name, status: res.status >= 400 && res.status < 500 }).toEqual({ route, name, status: true });
        if (isFhir(route)) {
          expect(res.headers['content-type']).toMatch(/^application\/fhir\+json/);
          expect(res.body).toMatchObject({ resourceType: 'OperationOutcome', issue: expect.arrayContaining([expect.objectContaining({ severity: 'error' })]) });
        } else {
          expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
          expect(res.body.detail).toEqual(expect.any(String));
        }
        if (res.status === 400 && res.body.code === 'validation_failed') {
          expect(res.body.errors.length).toBeGreaterThan(0);
        }
        // No echo of the input in the answer (it may be PHI).
        expect(JSON.stringify(res.body)).not.toMatch(/DROP TABLE|OR '1'='1/);
      }
    }
    expect(postRoutes.length).toBeGreaterThanOrEqual(20);
    expect(await snapshot()).toEqual(before);
  });

  it('answers 413 to an oversized body, 400 to broken JSON and 415 to an unsupported content type, and a 4xx to an empty body, at every POST endpoint', async () => {
    const before = await snapshot();
    const huge = JSON.stringify({ text: 'x'.repeat(300 * 1024) });
    for (const route of postRoutes) {
      const admin = clientFor(route);
      expect((await admin.post(route).set('content-type', 'application/json').send(huge)).status).toBe(413);
      const broken = await admin.post(route).set('content-type', 'application/json').send('{"reason": "x",');
      const xml = await admin.post(route).set('content-type', 'application/xml').send('<reason>x</reason>');
      // FHIR routes: the same refusals as OperationOutcome issue types.
      const [malformed, unsupported] = isFhir(route) ? ['invalid', 'not-supported'] : ['malformed_request', 'unsupported_media_type'];
      expect({ route, status: broken.status, code: isFhir(route) ? broken.body.issue?.[0]?.code : broken.body.code }).toEqual({ route, status: 400, code: malformed });
      expect({ route, status: xml.status, code: isFhir(route) ? xml.body.issue?.[0]?.code : xml.body.code }).toEqual({ route, status: 415, code: unsupported });
      const empty = await admin.post(route);
      expect({ route, status: empty.status >= 400 && empty.status < 500 }).toEqual({ route, status: true });
    }
    expect(await snapshot()).toEqual(before);
  });

  it('property: any body with a field the endpoint does not know is refused with 400 naming that field', async () => {
    const before = await snapshot();
    const unknownKey = fc.string({ minLength: 1, maxLength: 20 }).map((k) => `x_${k.replace(/[^A-Za-z0-9_]/g, '_')}`);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...postRoutes), unknownKey, fc.jsonValue({ maxDepth: 3 }), async (route, key, value) => {
        if (isFhir(route)) {
          // A FHIR resource: the unknown element is named by its FHIR path.
          const res = await clientFor(route).post(route).send({ resourceType: 'Patient', [key]: value });
          expect(res.status).toBe(400);
          expect(res.body.issue.flatMap((i: { expression?: string[] }) => i.expression ?? [])).toContain(`Patient.${key}`);
          return;
        }
        const res = await clientFor(route).post(route).send({ [key]: value });
        expect(res.status).toBe(400);
        // Named as the field, or as the place inside it the body check refuses first (a `__proto__` key in the value).
        const fields: string[] = res.body.errors.map((e: { field: string }) => e.field);
        expect(fields.some((f) => f === key || f.startsWith(`body.${key}.`) || f.startsWith(`body.${key}[`))).toBe(true);
      }),
      { numRuns: 60 },
    );
    expect(await snapshot()).toEqual(before);
  });

  it('refuses injection-shaped query parameters and path ids with 400', async () => {
    const admin = stack.as(USERS.admin);
    for (const url of [
      `/cases?careManagerId=${encodeURIComponent("cm' OR '1'='1")}`,
      `/cases?programCode=${encodeURIComponent('CCM; DROP TABLE cases')}`,
      `/supervisor/stuck-cases?programCode=${encodeURIComponent("CCM' OR WorkflowType != '")}`,
      `/supervisor/stuck-cases?careManagerId=${encodeURIComponent("a') OR ('1'='1")}`,
      `/audit?actorId=${encodeURIComponent("x' OR 1=1 --")}`,
      `/cases/${encodeURIComponent("case-ccm-' OR 1=1")}`,
      `/cases?limit=1e9`,
      `/cases?unknown=1`,
      `/discharges?team=${encodeURIComponent("north' OR '1'='1")}`,
      `/discharges?caseId=${encodeURIComponent("case-ccm-x' OR 1=1 --")}`,
      `/utilization-reviews?status=${encodeURIComponent("in_review' OR '1'='1")}`,
      `/complaints?status=${encodeURIComponent('received; DROP TABLE complaints')}`,
      `/supervisor/stop-participation-requests?team=${encodeURIComponent("x') OR ('1'='1")}`,
    ]) {
      const res = await admin.get(url);
      expect({ url, status: res.status }).toEqual({ url, status: 400 });
      expect(res.body.errors.length).toBeGreaterThan(0);
    }
  });
});

describe('rate limiting per client (real stack, 5 requests a minute)', () => {
  let stack: E2eStack;

  beforeAll(async () => {
    stack = await startE2eStack('ratelimit', { RATE_LIMIT_PER_MINUTE: '5' });
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('answers 429 with Retry-After once a client exceeds the limit, without slowing other clients', async () => {
    const cm = stack.as(USERS.cm1);
    for (let i = 0; i < 5; i++) {
      await cm.get('/auth/me').expect(200);
    }
    const limited = await cm.get('/auth/me').expect(429);
    expect(limited.body).toMatchObject({ code: 'rate_limited', detail: expect.stringMatching(/Retry-After/) });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    await stack.as(USERS.sup1).get('/auth/me').expect(200);
  });
});
