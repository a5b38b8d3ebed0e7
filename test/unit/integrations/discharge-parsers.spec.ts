import { parseAdtA03 } from '../../../apps/api/src/integrations/hl7/adt-a03.mapper';
import { parseAdt } from '../../../apps/api/src/integrations/hl7/adt.mapper';
import { parseFhirDischarge } from '../../../apps/api/src/integrations/fhir/fhir-discharge.mapper';
import { parseJsonDischarge } from '../../../apps/api/src/integrations/json-discharge.parser';
import { DischargeFormatError, UnsupportedEventError } from '../../../apps/api/src/integrations/discharge-input';
import { hl7SampleAsWritten as hl7Sample, sampleJsonAsWritten as sampleJson } from '../../support/integration-samples';

const TZ = 'America/New_York';
/** The authenticated client, as the API passes it. */
const SENDER = { defaultSource: 'integration:test-feed' };

/** A sample to break on purpose (deep, loosely typed). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Mutable = Record<string, any>;

/** The field errors a parser throws (fails the test if it does not throw them). */
function errorsOf(parse: () => unknown): { field: string; reason: string }[] {
  try {
    parse();
  } catch (err) {
    expect(err).toBeInstanceOf(DischargeFormatError);
    return [...(err as DischargeFormatError).errors];
  }
  throw new Error('expected a DischargeFormatError');
}

/** PHI of the samples that must never appear in an error. */
const PHI = ['M-000124', 'M-000126', "O'Brien", 'Mary', '19580314', '4455667'];

function expectNoPhi(errors: { field: string; reason: string }[]): void {
  const text = JSON.stringify(errors);
  for (const value of PHI) expect(text).not.toContain(value);
}

describe('HL7 v2 ADT^A03', () => {
  it.each(['\r', '\r\n', '\n'] as const)('normalises the sample (segment terminator %p)', (terminator) => {
    expect(parseAdtA03(hl7Sample('discharge-adt-a03.hl7', terminator), TZ)).toEqual({
      format: 'hl7v2-adt-a03',
      source: 'GENHOSP:EPICADT',
      sourceEventId: 'MSG00001873',
      memberRef: 'M-000126', // the PID-3 repetition typed MB, not the hospital MRN before it
      programCode: null,
      dischargedAt: '2026-11-20T19:30:00.000Z',
      facility: { id: 'GENHOSP', name: null },
      disposition: '01',
      pcpId: 'PCP-778',
      visitNumber: 'V100234', // PV1-19: a later A08 / A13 finds the discharge by it
      // PID-5/7/8/11/13 beside the event (issue 16): the intake creates or matches the member by them.
      demographics: {
        kind: 'record',
        record: {
          identifiers: [{ kind: 'plan', value: 'M-000126' }],
          name: { given: ['Mary', 'Anne'], family: "O'Brien" },
          birthDate: '1958-03-14',
          sex: 'female',
          address: { lines: ['12 Harbor St&Rear', 'Apt 4'], city: 'Boston', state: 'MA', postalCode: '02110', country: 'USA' },
          phones: [{ use: 'home', number: '+16175550123' }],
          portal: false,
          contactPreferences: { method: 'phone', windows: [], timeZone: TZ },
          preferredLanguage: 'und',
          interpreterNeeded: false,
          representatives: [],
          eligibility: [],
          enrollments: [],
        },
      },
    });
  });

  it('reads a discharge time without offset in the plan time zone', () => {
    const text = hl7Sample('discharge-adt-a03.hl7').replace('20261120143000-0500', '202611201430');
    expect(parseAdtA03(text, TZ).dischargedAt).toBe('2026-11-20T19:30:00.000Z');
    expect(parseAdtA03(text, 'Europe/Paris').dischargedAt).toBe('2026-11-20T13:30:00.000Z');
  });

  it('refuses an admission (ADT^A01), naming MSH-9 and the type', () => {
    const errors = errorsOf(() => parseAdtA03(hl7Sample('invalid/adt-a01-admission.hl7'), TZ));
    // As shown in docs/integrations.md: an admission has no discharge time either.
    expect(errors).toEqual([
      { field: 'MSH-9', reason: 'message type ADT^A01 is not a discharge; send ADT^A03 (or ADT^A08 / ADT^A13 about a discharge sent before)' },
      { field: 'PV1-45', reason: 'the discharge date/time is missing' },
    ]);
    expectNoPhi(errors);
  });

  it('refuses a message without PID', () => {
    const errors = errorsOf(() => parseAdtA03(hl7Sample('invalid/adt-a03-missing-pid.hl7'), TZ));
    expect(errors).toEqual([{ field: 'PID', reason: 'the PID (patient identification) segment is missing' }]);
  });

  it('refuses a discharge without PV1-45', () => {
    const errors = errorsOf(() => parseAdtA03(hl7Sample('invalid/adt-a03-missing-discharge-time.hl7'), TZ));
    expect(errors).toEqual([{ field: 'PV1-45', reason: 'the discharge date/time is missing' }]);
  });

  it('refuses an unreadable PV1-45 and a member id outside the alphabet, without quoting them', () => {
    const text = hl7Sample('discharge-adt-a03.hl7').replace('20261120143000-0500', '2026-11-20').replace('M-000126^^^HEALTHPLAN^MB', 'M 000126^^^HEALTHPLAN^MB');
    const errors = errorsOf(() => parseAdtA03(text, TZ));
    expect(errors.map((e) => e.field)).toEqual(['PID-3', 'PV1-45']);
    expect(JSON.stringify(errors)).not.toContain('000126');
  });

  it('refuses something that is not ER7 at all', () => {
    expect(errorsOf(() => parseAdtA03('hello', TZ))).toEqual([{ field: 'MSH', reason: 'the message must start with an MSH segment' }]);
  });
});

describe('HL7 v2 ADT^A08 and ADT^A13 (about a discharge sent before)', () => {
  it('reads the A03 sample as a discharge', () => {
    expect(parseAdt(hl7Sample('discharge-adt-a03.hl7'), TZ)).toEqual({ kind: 'discharge', discharge: parseAdtA03(hl7Sample('discharge-adt-a03.hl7'), TZ) });
  });

  it('reads an update (A08): the visit that finds the discharge and the details it carries', () => {
    expect(parseAdt(hl7Sample('discharge-update-adt-a08.hl7'), TZ)).toEqual({
      kind: 'amendment',
      amendment: {
        kind: 'update',
        messageType: 'ADT^A08',
        source: 'GENHOSP:EPICADT',
        sourceEventId: 'MSG00001890',
        memberRef: 'M-000126',
        visitNumber: 'V100234',
        occurredAt: '2026-11-20T21:09:00.000Z', // EVN-2
        details: { dischargedAt: '2026-11-20T20:15:00.000Z', disposition: '06', pcpId: 'PCP-781' },
      },
    });
  });

  it('reads a cancellation (A13): no details, whatever PV1 and PD1 hold', () => {
    expect(parseAdt(hl7Sample('discharge-cancel-adt-a13.hl7'), TZ)).toEqual({
      kind: 'amendment',
      amendment: {
        kind: 'cancel',
        messageType: 'ADT^A13',
        source: 'GENHOSP:EPICADT',
        sourceEventId: 'MSG00001895',
        memberRef: 'M-000126',
        visitNumber: 'V100234',
        occurredAt: '2026-11-20T22:04:00.000Z',
        details: {},
      },
    });
  });

  it('an A08 with empty or "" fields changes nothing of them; without EVN the time is MSH-7', () => {
    const text = hl7Sample('discharge-update-adt-a08.hl7')
      .replace('20261120151500-0500', '""')
      .replace('|06|', '||')
      .replace(/\rPD1[^\r]*/, '')
      .replace(/\rEVN[^\r]*/, '');
    const parsed = parseAdt(text, TZ);
    expect(parsed).toMatchObject({ kind: 'amendment', amendment: { details: {}, occurredAt: '2026-11-20T21:10:12.000Z' } });
  });

  it('refuses an A13 without the visit number (PV1-19) or PV1, and an unreadable A08 discharge time, without quoting values', () => {
    const noVisit = hl7Sample('discharge-cancel-adt-a13.hl7').replace('V100234^^^GENHOSP^VN', '');
    expect(errorsOf(() => parseAdt(noVisit, TZ))).toEqual([{ field: 'PV1-19', reason: 'the visit number is missing: it finds the discharge to cancel' }]);
    const noPv1 = hl7Sample('discharge-cancel-adt-a13.hl7').replace(/\rPV1[^\r]*/, '');
    expect(errorsOf(() => parseAdt(noPv1, TZ))).toEqual([{ field: 'PV1', reason: 'the PV1 (patient visit) segment is missing: its visit number finds the discharge' }]);
    const badTime = hl7Sample('discharge-update-adt-a08.hl7').replace('20261120151500-0500', '2026-11-20').replace('V100234^', 'V 100234^');
    const errors = errorsOf(() => parseAdt(badTime, TZ));
    expect(errors.map((e) => e.field)).toEqual(['PV1-19', 'PV1-45']);
    expect(JSON.stringify(errors)).not.toMatch(/100234|2026-11-20/);
    expectNoPhi(errors);
  });
});

describe('FHIR R4 Encounter', () => {
  it('normalises the sample', () => {
    expect(parseFhirDischarge(sampleJson('discharge-fhir-encounter.json'), SENDER)).toEqual({
      format: 'fhir-encounter',
      source: '1558444216',
      sourceEventId: 'ENC-2026-98765',
      memberRef: 'M-000124',
      programCode: null,
      dischargedAt: '2026-11-20T19:30:00.000Z',
      facility: { id: '1558444216', name: 'General Hospital' },
      disposition: 'home',
      pcpId: null,
    });
  });

  it('an Encounter naming no sender (no serviceProvider identifier, no meta.source) is from the authenticated client', () => {
    expect(parseFhirDischarge(sampleJson('discharge-fhir-encounter-plain.json'), SENDER)).toMatchObject({
      format: 'fhir-encounter',
      source: 'integration:test-feed',
      sourceEventId: 'ENC-2026-98801',
      memberRef: 'M-000129',
      facility: { id: null, name: "St Mary's Community Hospital" },
    });
    // A client id that cannot be a source (a long token subject) asks for meta.source instead.
    expect(errorsOf(() => parseFhirDischarge(sampleJson('discharge-fhir-encounter-plain.json'), { defaultSource: `oidc|${'x'.repeat(70)}` }))).toEqual([
      { field: 'Encounter.meta.source', reason: 'the source is missing (and the authenticated client id cannot serve as one)' },
    ]);
  });

  it('refuses an encounter that is not finished', () => {
    const errors = errorsOf(() => parseFhirDischarge(sampleJson('invalid/fhir-encounter-in-progress.json'), SENDER));
    expect(errors).toEqual([{ field: 'Encounter.status', reason: 'must be "finished" for a discharge, got "in-progress"' }]);
  });

  it('refuses an encounter without subject', () => {
    const errors = errorsOf(() => parseFhirDischarge(sampleJson('invalid/fhir-encounter-missing-subject.json'), SENDER));
    expect(errors).toEqual([{ field: 'Encounter.subject', reason: 'is required: the member discharged' }]);
  });

  it('refuses a period.end without offset and a wrongly typed element, naming both paths', () => {
    const enc = sampleJson('discharge-fhir-encounter.json') as Mutable;
    enc.period.end = '2026-11-20T14:30:00';
    expect(errorsOf(() => parseFhirDischarge(enc, SENDER))).toEqual([
      { field: 'Encounter.period.end', reason: 'must be a FHIR dateTime with time and offset, e.g. 2026-11-20T14:30:00-05:00' },
    ]);
    enc.identifier = 'ENC-1';
    expect(errorsOf(() => parseFhirDischarge(enc, SENDER))).toEqual([{ field: 'Encounter.identifier', reason: 'must be array' }]);
  });

  it('refuses other resources', () => {
    expect(errorsOf(() => parseFhirDischarge({ resourceType: 'Observation' }, SENDER))).toEqual([
      { field: 'resourceType', reason: 'must be Encounter or Bundle (a notification message)' },
    ]);
  });
});

describe('FHIR Da Vinci notification Bundle', () => {
  it('normalises the sample: member and PCP from the Patient, ids from the message', () => {
    expect(parseFhirDischarge(sampleJson('discharge-fhir-bundle.json'), SENDER)).toEqual({
      format: 'fhir-bundle',
      source: 'https://fhir.genhosp.example.org/notify',
      sourceEventId: 'urn:uuid:2f7d3c1e-8a4b-4c1d-9e2f-6b5a4d3c2b1a',
      memberRef: 'M-000125',
      programCode: null,
      dischargedAt: '2026-11-20T16:05:00.000Z',
      facility: { id: '1558444216', name: 'General Hospital' },
      disposition: 'snf',
      pcpId: 'PCP-912',
      demographics: { kind: 'patient', patient: expect.objectContaining({ resourceType: 'Patient' }) },
    });
  });

  it.each([
    ['STU1 1.0.0: member from Coverage.subscriberId (HRex Coverage), hospital by its own identifier', 'discharge-davinci-1.0.0.json', 'M-000127', 'GENHOSP', '2026-11-19T15:15:00.000Z', '67e321d1-d773-4a46-a7bd-690ec8b0801b'],
    ['STU1 1.1.0: member from the Coverage identifier typed MB (US Core Coverage), hospital by NPI', 'discharge-davinci-1.1.0.json', 'M-000128', '1558444216', '2026-11-20T17:40:00.000Z', '9372ed1a-9337-4d3e-acb7-eeee63ca74a8'],
  ])('reads the IG-shaped notification-discharge Bundle of %s', (_what, file, memberRef, facilityId, dischargedAt, headerId) => {
    expect(parseFhirDischarge(sampleJson(file), SENDER)).toEqual({
      format: 'fhir-bundle',
      source: 'https://fhir.genhosp.example.org/notifications',
      // No Bundle.identifier in the IG's examples: the MessageHeader id identifies the message.
      sourceEventId: headerId,
      memberRef,
      programCode: null,
      dischargedAt,
      facility: { id: facilityId, name: 'General Hospital' },
      disposition: '01',
      pcpId: null,
      demographics: { kind: 'patient', patient: expect.objectContaining({ resourceType: 'Patient' }) },
    });
  });

  it.each([
    ['invalid/davinci-admit-notification.json', 'notification-admit', 'an admit notification'],
    ['invalid/davinci-transfer-notification.json', 'notification-transfer', 'a transfer notification'],
  ])('answers a conformant %s as well-formed but not a discharge, naming the code', (file, code, what) => {
    let thrown: unknown;
    try {
      parseFhirDischarge(sampleJson(file), SENDER);
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(UnsupportedEventError);
    expect((thrown as UnsupportedEventError).errors).toEqual([
      { field: 'MessageHeader.eventCoding.code', reason: `${code} is ${what}, not a discharge; CareLoop acts on notification-discharge only` },
    ]);
  });

  it('reads the ballot code notify-discharge (the older sample) and refuses codes it does not know', () => {
    expect(parseFhirDischarge(sampleJson('discharge-fhir-bundle.json'), SENDER).format).toBe('fhir-bundle');
    const bundle = sampleJson('discharge-fhir-bundle.json') as Mutable;
    bundle.entry[0].resource.eventCoding.code = 'notify-admit';
    expect(() => parseFhirDischarge(bundle, SENDER)).toThrow(UnsupportedEventError);
    bundle.entry[0].resource.eventCoding.code = 'discharge';
    expect(errorsOf(() => parseFhirDischarge(bundle, SENDER))).toEqual([
      { field: 'MessageHeader.eventCoding.code', reason: 'must be notification-discharge (Da Vinci discharge notification; the ballot code notify-discharge is read too)' },
    ]);
  });

  it('refuses a focus that is not in the Bundle, and a Bundle that is not a message', () => {
    const bundle = sampleJson('discharge-fhir-bundle.json') as Mutable;
    bundle.entry[0].resource.focus = [{ reference: 'Encounter/elsewhere' }];
    expect(errorsOf(() => parseFhirDischarge(bundle, SENDER))).toEqual([{ field: 'MessageHeader.focus', reason: 'must reference an Encounter in the Bundle' }]);
    bundle.type = 'collection';
    expect(errorsOf(() => parseFhirDischarge(bundle, SENDER))).toEqual([{ field: 'Bundle.type', reason: 'must be "message" (a notification Bundle)' }]);
  });
});

describe('CareLoop JSON', () => {
  it('normalises the sample', () => {
    expect(parseJsonDischarge(sampleJson('discharge.json'))).toEqual({
      format: 'json',
      source: 'GENHOSP-ADT',
      sourceEventId: 'evt-2026-11-20-0001',
      memberRef: 'M-000123',
      programCode: 'CCM',
      dischargedAt: '2026-11-20T19:30:00.000Z',
      facility: { id: 'GENHOSP', name: 'General Hospital' },
      disposition: 'home',
      pcpId: 'PCP-778',
    });
  });

  it('names every bad field: missing, without offset, unknown', () => {
    const { memberRef: _m, ...rest } = sampleJson('discharge.json');
    const errors = errorsOf(() => parseJsonDischarge({ ...rest, dischargedAt: '2026-11-20T14:30:00', dischargeDate: 'x' }));
    expect(errors.map((e) => e.field).sort()).toEqual(['dischargeDate', 'dischargedAt', 'memberRef']);
    expect(errors).toContainEqual({ field: 'dischargeDate', reason: 'is not a field of this message' });
    expect(errors).toContainEqual({ field: 'memberRef', reason: 'is required (the member id)' });
  });
});
