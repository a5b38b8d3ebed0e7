import { parseAdtA03 } from '../../../apps/api/src/integrations/hl7/adt-a03.mapper';
import { parseFhirDischarge } from '../../../apps/api/src/integrations/fhir/fhir-discharge.mapper';
import { parseJsonDischarge } from '../../../apps/api/src/integrations/json-discharge.parser';
import { DischargeFormatError } from '../../../apps/api/src/integrations/discharge-input';
import { hl7SampleAsWritten as hl7Sample, sampleJsonAsWritten as sampleJson } from '../../support/integration-samples';

const TZ = 'America/New_York';

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
      { field: 'MSH-9', reason: 'message type ADT^A01 is not a discharge; send ADT^A03' },
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

describe('FHIR R4 Encounter', () => {
  it('normalises the sample', () => {
    expect(parseFhirDischarge(sampleJson('discharge-fhir-encounter.json'))).toEqual({
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

  it('refuses an encounter that is not finished', () => {
    const errors = errorsOf(() => parseFhirDischarge(sampleJson('invalid/fhir-encounter-in-progress.json')));
    expect(errors).toEqual([{ field: 'Encounter.status', reason: 'must be "finished" for a discharge, got "in-progress"' }]);
  });

  it('refuses an encounter without subject', () => {
    const errors = errorsOf(() => parseFhirDischarge(sampleJson('invalid/fhir-encounter-missing-subject.json')));
    expect(errors).toEqual([{ field: 'Encounter.subject', reason: 'is required: the member discharged' }]);
  });

  it('refuses a period.end without offset and a wrongly typed element, naming both paths', () => {
    const enc = sampleJson('discharge-fhir-encounter.json') as Mutable;
    enc.period.end = '2026-11-20T14:30:00';
    expect(errorsOf(() => parseFhirDischarge(enc))).toEqual([
      { field: 'Encounter.period.end', reason: 'must be a FHIR dateTime with time and offset, e.g. 2026-11-20T14:30:00-05:00' },
    ]);
    enc.identifier = 'ENC-1';
    expect(errorsOf(() => parseFhirDischarge(enc))).toEqual([{ field: 'Encounter.identifier', reason: 'must be array' }]);
  });

  it('refuses other resources', () => {
    expect(errorsOf(() => parseFhirDischarge({ resourceType: 'Observation' }))).toEqual([
      { field: 'resourceType', reason: 'must be Encounter or Bundle (a notification message)' },
    ]);
  });
});

describe('FHIR Da Vinci notification Bundle', () => {
  it('normalises the sample: member and PCP from the Patient, ids from the message', () => {
    expect(parseFhirDischarge(sampleJson('discharge-fhir-bundle.json'))).toEqual({
      format: 'fhir-bundle',
      source: 'https://fhir.genhosp.example.org/notify',
      sourceEventId: 'urn:uuid:2f7d3c1e-8a4b-4c1d-9e2f-6b5a4d3c2b1a',
      memberRef: 'M-000125',
      programCode: null,
      dischargedAt: '2026-11-20T16:05:00.000Z',
      facility: { id: '1558444216', name: 'General Hospital' },
      disposition: 'snf',
      pcpId: 'PCP-912',
    });
  });

  it('refuses a notification of another event', () => {
    const bundle = sampleJson('discharge-fhir-bundle.json') as Mutable;
    bundle.entry[0].resource.eventCoding.code = 'notify-admit';
    expect(errorsOf(() => parseFhirDischarge(bundle))).toEqual([
      { field: 'MessageHeader.eventCoding.code', reason: 'must be notify-discharge (Da Vinci notification event of a discharge)' },
    ]);
  });

  it('refuses a focus that is not in the Bundle, and a Bundle that is not a message', () => {
    const bundle = sampleJson('discharge-fhir-bundle.json') as Mutable;
    bundle.entry[0].resource.focus = [{ reference: 'Encounter/elsewhere' }];
    expect(errorsOf(() => parseFhirDischarge(bundle))).toEqual([{ field: 'MessageHeader.focus', reason: 'must reference an Encounter in the Bundle' }]);
    bundle.type = 'collection';
    expect(errorsOf(() => parseFhirDischarge(bundle))).toEqual([{ field: 'Bundle.type', reason: 'must be "message" (a notification Bundle)' }]);
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
