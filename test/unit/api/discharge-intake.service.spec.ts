import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { DISCHARGE_WORKFLOW_TYPE, dischargeWorkflowId, type DischargeWorkflowInput } from '@careloop/contracts';
import type { AccessRepository, DischargeEventRepository, DischargeIntake, ProviderDirectoryRepository } from '@careloop/persistence';
import type { MemberInput } from '@careloop/contracts';
import type { Hl7MemberIdRule } from '@careloop/domain';
import { IntakeMemberInvalid, type IntakeMemberService } from '../../../apps/api/src/integrations/intake-member.service';
import type { MemberRegistry } from '../../../apps/api/src/members/member-registry.service';
import type { TemporalClientService } from '@careloop/temporal';
import { TemporalGateway } from '../../../apps/api/src/temporal/temporal.gateway';
import { DischargeIntakeService } from '../../../apps/api/src/integrations/discharge-intake.service';
import { PolicyRegistry } from '../../../apps/api/src/policies/policy-registry';
import { refusal } from '../../support/api-refusal';
import type { DischargeAmendmentService } from '../../../apps/api/src/integrations/discharge-amendment.service';
import type { ApiConfig } from '../../../apps/api/src/api.config';
import { hl7SampleAsWritten as hl7Sample, sampleJsonAsWritten as sampleJson } from '../../support/integration-samples';

const SENDER = { clientId: 'integration:test-feed' };
const config = { caseIdSecret: 'unit-test-secret-0123456789', integrationDefaultProgram: 'TOC', temporal: { taskQueue: 'q' }, policyFile: undefined } as unknown as ApiConfig;

/** The service over a fake Temporal client (one execution per id, like the server) and a fake discharge_events table. */
function intake(record: Partial<DischargeIntake> = {}, rule: Hl7MemberIdRule | null = null) {
  const started = new Map<string, { input: DischargeWorkflowInput; options: Record<string, unknown> }>();
  const temporal = {
    config: { taskQueue: 'q' },
    client: {
      workflow: {
        start: async (type: string, options: { workflowId: string; args: [DischargeWorkflowInput] }) => {
          expect(type).toBe(DISCHARGE_WORKFLOW_TYPE);
          if (started.has(options.workflowId)) throw new WorkflowExecutionAlreadyStartedError('already started', options.workflowId, type);
          started.set(options.workflowId, { input: options.args[0], options });
        },
      },
    },
  } as unknown as TemporalClientService;
  const rows: string[] = [];
  const events = {
    record: async (_key: unknown, dischargeId: string) => {
      rows.push(dischargeId);
      return { inserted: rows.length === 1, conflicting: false, dischargeId, ...record };
    },
  } as unknown as DischargeEventRepository;
  const amended: unknown[] = [];
  const amendments = { apply: async (a: unknown) => (amended.push(a), { status: 'cancelled', dischargeId: 'discharge-x', caseId: 'case-x' }) } as unknown as DischargeAmendmentService;
  const access = { hl7MemberIdRule: async () => rule } as unknown as AccessRepository;
  // Members: the feed's record is registered (or matched) under its plan id; a lookup without one finds nobody.
  const registered: MemberInput[] = [];
  const intakeMembers = {
    fromRecord: async (input: MemberInput) => (registered.push(input), { memberId: 'mbr_0123456789abcdefghjkmnpqrs', planId: input.identifiers[0]!.value, member: 'created' }),
    fromPatient: async () => {
      throw new IntakeMemberInvalid([{ field: 'Patient.identifier[0].system', reason: 'not a configured system' }]);
    },
  } as unknown as IntakeMemberService;
  const registry = { findByPlanId: async () => null } as unknown as MemberRegistry;
  const service = new DischargeIntakeService(
    config,
    new TemporalGateway(temporal),
    events,
    new PolicyRegistry(config),
    amendments,
    { byNpi: async () => null } as unknown as ProviderDirectoryRepository,
    access,
    intakeMembers,
    registry,
  );
  return { service, started, rows, amended, registered };
}


describe('DischargeIntakeService', () => {
  it('starts one workflow per event: the first delivery is created, the next is not', async () => {
    const { service, started } = intake();
    const first = await service.receive('x-application/hl7-v2+er7; charset=utf-8', hl7Sample('discharge-adt-a03.hl7'), SENDER);
    const again = await service.receive('text/plain', hl7Sample('discharge-adt-a03.hl7', '\r\n'), SENDER);
    expect(first).toEqual({
      kind: 'discharge',
      created: true,
      dischargeId: dischargeWorkflowId({ clientId: 'integration:test-feed', source: 'GENHOSP:EPICADT', sourceEventId: 'MSG00001873' }, config.caseIdSecret),
      caseId: expect.stringMatching(/^case-toc-[0-9a-f]{24}$/),
    });
    expect(again).toEqual({ ...first, created: false });
    expect(started.size).toBe(1);
    const { input, options } = [...started.values()][0]!;
    // Never again, even after the workflow finished; HL7 names no program, so the integration's default applies.
    expect(options).toMatchObject({ workflowIdReusePolicy: 'REJECT_DUPLICATE', workflowIdConflictPolicy: 'FAIL', taskQueue: 'q' });
    expect(input.event.programCode).toBe('TOC');
    expect(input.caseStart).toMatchObject({ memberRef: 'M-000126', programCode: 'TOC', startReason: 'discharge', enrollmentDate: '2026-11-20' });
    expect(input.policy.tasks.member_contact).toEqual({ days: 2, count: 'business' });
    expect(input.policyVersion).toBe('TOC@default');
  });

  it('keeps the program a JSON event names', async () => {
    const { service, started } = intake();
    await service.receive('application/json', sampleJson('discharge.json'), SENDER);
    expect([...started.values()][0]!.input.caseStart.programCode).toBe('CCM');
  });

  it('refuses the same event id with other content (409), starting nothing', async () => {
    const { service, started } = intake({ conflicting: true });
    expect((await refusal(service.receive('application/json', sampleJson('discharge.json'), SENDER))).code).toBe('integration_event_conflict');
    expect(started.size).toBe(0);
  });

  it.each([
    ['an empty HL7 body', 'text/plain', '   ', 'validation_failed', 'body'],
    ['a JSON list', 'application/json', [1], 'validation_failed', 'body'],
    ['FHIR without resourceType', 'application/fhir+json', { id: 'x' }, 'validation_failed', 'resourceType'],
  ])('refuses %s naming the field, storing nothing', async (_what, type, body, code, field) => {
    const { service, rows } = intake();
    const err = await refusal(service.receive(type, body, SENDER));
    expect(err.code).toBe(code);
    expect(err.errors?.[0]?.field).toBe(field);
    expect(rows).toEqual([]);
  });

  it('starts the workflow under the id stored with the event (an event received before client keying keeps its id)', async () => {
    const { service, started } = intake({ dischargeId: 'discharge-0123456789abcdef01234567' });
    const res = await service.receive('application/json', sampleJson('discharge.json'), SENDER);
    expect(res).toMatchObject({ kind: 'discharge', dischargeId: 'discharge-0123456789abcdef01234567' });
    expect([...started.keys()]).toEqual(['discharge-0123456789abcdef01234567']);
  });

  it('the key holds the client: the same event from two clients gets two ids', async () => {
    const a = await intake().service.receive('application/fhir+json', sampleJson('discharge-fhir-encounter-plain.json'), SENDER);
    const b = await intake().service.receive('application/fhir+json', sampleJson('discharge-fhir-encounter-plain.json'), { clientId: 'integration:other-feed' });
    expect(a.kind === 'discharge' && b.kind === 'discharge' && a.dischargeId !== b.dischargeId).toBe(true);
  });

  it('answers a Da Vinci admit notification 422 naming the event code, storing nothing', async () => {
    const { service, rows } = intake();
    const err = await refusal(service.receive('application/fhir+json', sampleJson('invalid/davinci-admit-notification.json'), SENDER));
    expect(err.code).toBe('integration_event_not_supported');
    expect(err.status).toBe(422);
    expect(err.errors).toEqual([{ field: 'MessageHeader.eventCoding.code', reason: expect.stringMatching(/^notification-admit is an admit notification, not a discharge/) }]);
    expect(rows).toEqual([]);
  });

  it('hands ADT^A08 / ADT^A13 to the amendment service and starts nothing', async () => {
    const { service, started, rows, amended } = intake();
    const res = await service.receive('text/plain', hl7Sample('discharge-cancel-adt-a13.hl7'), SENDER);
    expect(res).toEqual({ kind: 'amendment', status: 'cancelled', dischargeId: 'discharge-x', caseId: 'case-x' });
    expect(amended).toEqual([expect.objectContaining({ kind: 'cancel', visitNumber: 'V100234' })]);
    expect(started.size).toBe(0);
    expect(rows).toEqual([]);
  });

  it.each([
    ['no content type', undefined, {}],
    ['XML', 'application/xml', '<x/>'],
  ])('answers 415 for %s', async (_what, type, body) => {
    const { service } = intake();
    expect((await refusal(service.receive(type, body, SENDER))).code).toBe('unsupported_media_type');
  });
});
