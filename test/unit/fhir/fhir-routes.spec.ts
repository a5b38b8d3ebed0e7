import { mayReadMember, type CaseRelation } from '../../../apps/api/src/auth/access-policy';
import type { Principal } from '../../../apps/api/src/auth/principal';
import type { ApiError } from '../../../apps/api/src/common/api-error';
import { fhirConfigFrom, fhirEnvSchema } from '../../../apps/api/src/fhir/fhir.config';
import { versionOf } from '../../../apps/api/src/fhir/fhir.service';
import { registryFieldToFhirPath } from '../../../apps/api/src/fhir/registry-paths';

const who = (role: Principal['role'], sub = 'x'): Principal => ({ kind: 'user', sub, role, team: null });
const relation = (providerIds: string[]): CaseRelation => ({ careManagerId: null, careManagerTeam: null, caseTeam: null, providerIds });

describe('FHIR routes: pieces', () => {
  it('reads If-Match as FHIR writes it (W/"n" or "n"); missing is 428, malformed a 400 naming If-Match', () => {
    expect(versionOf('W/"3"')).toBe(3);
    expect(versionOf('"12"')).toBe(12);
    const code = (v: string | undefined) => {
      try {
        versionOf(v);
        return 'none';
      } catch (e) {
        return `${(e as ApiError).code}:${(e as ApiError).errors?.[0]?.field ?? ''}`;
      }
    };
    expect(code(undefined)).toBe('precondition_required:');
    expect(code('')).toBe('precondition_required:');
    for (const bad of ['3', 'W/3', 'W/"0"', 'W/"abc"', '*']) expect(code(bad)).toBe('validation_failed:If-Match');
  });

  it('names registry fields by the Patient paths they came from', () => {
    expect(registryFieldToFhirPath('phones[0].number')).toBe('Patient.telecom');
    expect(registryFieldToFhirPath('representatives[1].validFrom')).toBe('Patient.contact[1].period.start');
    expect(registryFieldToFhirPath('representatives[0].authorities')).toBe('Patient.contact[0]');
    expect(registryFieldToFhirPath('name.given')).toBe('Patient.name.given');
    expect(registryFieldToFhirPath('sex')).toBe('Patient.gender');
    expect(registryFieldToFhirPath('identifiers')).toBe('Patient.identifier');
    expect(registryFieldToFhirPath('whatever')).toBe('Patient');
  });

  it('lets staff read any member, a provider only their patients, nobody else', () => {
    for (const role of ['admin', 'care_manager', 'supervisor'] as const) expect(mayReadMember(who(role), { pcpProviderId: null }, [])).toBe(true);
    expect(mayReadMember(who('provider', 'p1'), { pcpProviderId: 'p1' }, [])).toBe(true);
    expect(mayReadMember(who('provider', 'p1'), { pcpProviderId: 'p2' }, [relation(['p1'])])).toBe(true);
    expect(mayReadMember(who('provider', 'p1'), { pcpProviderId: 'p2' }, [relation(['p3'])])).toBe(false);
    expect(mayReadMember(who('provider', 'p1'), {}, [])).toBe(false);
    expect(mayReadMember(who('committee'), { pcpProviderId: 'x' }, [relation(['x'])])).toBe(false);
    expect(mayReadMember(who('integration', 'x'), { pcpProviderId: 'x' }, [])).toBe(false);
  });

  it('takes the trusted identifier systems from validated configuration', () => {
    const config = fhirConfigFrom(fhirEnvSchema.parse({ CARELOOP_FHIR_MEDICAID_SYSTEMS: 'urn:oid:2.16.840.1.113883.4.3.36, https://mcd.example/id' }));
    expect(config).toMatchObject({ planSystem: 'https://careloop.example/fhir/plan-member-id', medicaidSystems: ['urn:oid:2.16.840.1.113883.4.3.36', 'https://mcd.example/id'], otherSystems: [] });
    expect(fhirEnvSchema.safeParse({ CARELOOP_FHIR_PLAN_SYSTEM: 'not a uri' }).success).toBe(false);
    expect(fhirEnvSchema.safeParse({ CARELOOP_FHIR_OTHER_SYSTEMS: 'ok:x' }).success).toBe(false);
    expect(fhirEnvSchema.safeParse({ CARELOOP_FHIR_DEFAULT_TIME_ZONE: 'Mars/Olympus' }).success).toBe(false);
  });
});
