import { parseAdt } from '../../../apps/api/src/integrations/hl7/adt.mapper';
import { parseAdtA03 } from '../../../apps/api/src/integrations/hl7/adt-a03.mapper';
import { MemberIdMissingError } from '../../../apps/api/src/integrations/discharge-input';

const TZ = 'America/New_York';

/** A real-shaped ADT^A03 (v2.5.1): PID-3 with an MRN and `pid3`, then IN1 segments as given. */
function a03(pid3: string, in1: readonly string[] = [], type = 'ADT^A03^ADT_A03'): string {
  return [
    `MSH|^~\\&|EPICADT|GENHOSP|CARELOOP|HEALTHPLAN|20261120143512-0500||${type}|MSG-IDS-1|P|2.5.1`,
    'EVN|A03|20261120143500-0500',
    `PID|1||4455667^^^GENHOSP^MR${pid3 ? `~${pid3}` : ''}||Quill^Ada^^^^^L||19600101|F|||1 Fixture Way^^Springfield^IL^62701^USA^H||^PRN^PH^^1^217^5550100`,
    ...in1,
    'PV1|1|I|4W^412^B^GENHOSP||||||||||||||||V100999^^^GENHOSP^VN|||||||||||||||||01|||GENHOSP|||||20261117091500-0500|20261120143000-0500',
  ].join('\r');
}

/** An IN1 segment with these fields (by HL7 field number). */
function in1(fields: Record<number, string>): string {
  const last = Math.max(...Object.keys(fields).map(Number));
  return ['IN1', ...Array.from({ length: last }, (_, i) => fields[i + 1] ?? '')].join('|');
}

function missing(fn: () => unknown): MemberIdMissingError {
  try {
    fn();
  } catch (e) {
    if (e instanceof MemberIdMissingError) return e;
    throw e;
  }
  throw new Error('expected MemberIdMissingError');
}

describe('HL7 member id per client (issue 16)', () => {
  it('no rule (clients registered before): PID-3 typed MB, else the first repetition, as before', () => {
    expect(parseAdtA03(a03('M-1^^^HEALTHPLAN^MB'), TZ).memberRef).toBe('M-1');
    expect(parseAdtA03(a03(''), TZ).memberRef).toBe('4455667');
  });

  it('pid3-type: the repetition of the configured type code (default MB); none of that type is a 422-shaped error naming PID-3.5', () => {
    expect(parseAdtA03(a03('M-2^^^HEALTHPLAN^MB'), TZ, { place: 'pid3-type', qualifier: null }).memberRef).toBe('M-2');
    expect(parseAdtA03(a03('M-3^^^HEALTHPLAN^MC'), TZ, { place: 'pid3-type', qualifier: 'MC' }).memberRef).toBe('M-3');
    const err = missing(() => parseAdtA03(a03(''), TZ, { place: 'pid3-type', qualifier: null }));
    expect(err.field).toBe('PID-3.5');
    expect(err.reason).toMatch(/type code/);
  });

  it("pid3-authority: the repetition the plan's assigning authority (CX-4) issued, whatever its type", () => {
    const rule = { place: 'pid3-authority', qualifier: 'HEALTHPLAN' } as const;
    expect(parseAdtA03(a03('M-4^^^HEALTHPLAN^PI'), TZ, rule).memberRef).toBe('M-4');
    // An MB-typed id of another authority is not the plan's.
    expect(missing(() => parseAdtA03(a03('M-5^^^OTHERPLAN^MB'), TZ, rule)).field).toBe('PID-3.4');
  });

  it('in1-insured-id: IN1-49 (insured\'s ID number) when sent, else IN1-36 (policy number); the qualifier picks the plan\'s IN1', () => {
    const rule = { place: 'in1-insured-id', qualifier: null } as const;
    const in1With36 = in1({ 1: '1', 2: 'HP001^Health Plan', 3: 'HPCO', 4: 'Health Plan Co', 36: 'M-36' });
    const in1With49 = in1({ 1: '1', 2: 'HP001^Health Plan', 3: 'HPCO', 4: 'Health Plan Co', 36: 'POLICY-9', 49: 'M-49^^^HEALTHPLAN' });
    expect(parseAdtA03(a03('', [in1With36]), TZ, rule).memberRef).toBe('M-36');
    expect(parseAdtA03(a03('', [in1With49]), TZ, rule).memberRef).toBe('M-49');
    const otherPlan = in1({ 1: '1', 2: 'OTHER^Other Plan', 3: 'OTHCO', 36: 'X-1' });
    expect(parseAdtA03(a03('', [otherPlan, in1With36.replace('IN1|1', 'IN1|2')]), TZ, { place: 'in1-insured-id', qualifier: 'HP001' }).memberRef).toBe('M-36');
    expect(missing(() => parseAdtA03(a03('M-6^^^HEALTHPLAN^MB'), TZ, rule)).field).toBe('IN1');
    expect(missing(() => parseAdtA03(a03('', ['IN1|1|HP001^Health Plan|HPCO']), TZ, rule)).field).toBe('IN1-36');
  });

  it('applies the rule to A08 / A13 too, so they find the discharge of the same member', () => {
    const parsed = parseAdt(a03('', [in1({ 1: '1', 2: 'HP001', 36: 'M-36' })], 'ADT^A13^ADT_A01'), TZ, { place: 'in1-insured-id', qualifier: null });
    expect(parsed).toMatchObject({ kind: 'amendment', amendment: { memberRef: 'M-36' } });
  });

  it('reads the demographics beside the event (PID-5, -7, -8, -11, -13) and none without a name or birth date', () => {
    const parsed = parseAdtA03(a03('M-7^^^HEALTHPLAN^MB'), TZ);
    expect(parsed.demographics).toMatchObject({
      kind: 'record',
      record: { identifiers: [{ kind: 'plan', value: 'M-7' }], name: { given: ['Ada'], family: 'Quill' }, birthDate: '1960-01-01', sex: 'female', phones: [{ use: 'home', number: '+12175550100' }] },
    });
    expect(parseAdtA03(a03('M-8^^^HEALTHPLAN^MB').replace('19600101', ''), TZ).demographics).toBeUndefined();
  });
});
