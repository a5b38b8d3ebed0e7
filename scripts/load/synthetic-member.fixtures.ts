import type { MemberInput } from '@careloop/contracts';
import type { CareLoopHttpClient } from './careloop-http.client';

/**
 * A synthetic registry member (no real person) whose plan member id is `planId`:
 * a case started for `memberRef: planId` stands on it (POST /cases refuses an
 * unregistered member with 422 member_not_registered, issue 16). Obviously
 * fake on purpose: given name "Fixture", a family name made from the plan id,
 * a fictional 555-01xx phone and 1960-01-01; names differ per plan id, so
 * fixtures do not raise same-name duplicate flags unless a caller asks for one.
 *
 * The one definition: the load driver and the benchmarks use it here, the
 * tests through test/support/member-fixtures.ts (scripts/ cannot import test/:
 * tsconfig.build.json builds scripts/ and excludes test/).
 */
export function syntheticMember(planId: string, overrides: Partial<MemberInput> = {}): MemberInput {
  return {
    identifiers: [{ kind: 'plan', value: planId }],
    name: { given: ['Fixture'], family: `Member-${planId.replace(/[^A-Za-z0-9]/g, '').slice(-24) || 'X'}` },
    birthDate: '1960-01-01',
    sex: 'unknown',
    phones: [{ use: 'home', number: '+15555550100' }],
    portal: false,
    contactPreferences: { method: 'phone', windows: [], timeZone: 'America/New_York' },
    preferredLanguage: 'en',
    interpreterNeeded: false,
    representatives: [],
    eligibility: [],
    enrollments: [],
    ...overrides,
  };
}

/**
 * Registers the synthetic member of each plan id through POST /members, with
 * an Idempotency-Key per plan id so a repeat answers the member the first
 * registration created (200) instead of 409 member_plan_id_taken; `concurrency` at a
 * time; answers the registry ids in order. Give it its own client: its calls
 * are recorded as "register member", and a benchmark reports the latencies of
 * the client that drives the cases.
 */
export async function registerMembers(api: CareLoopHttpClient, planIds: readonly string[], concurrency = 20, overrides: Partial<MemberInput> = {}): Promise<string[]> {
  const ids: string[] = new Array(planIds.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, planIds.length) }, async () => {
      while (next < planIds.length) {
        const i = next++;
        const body = await api.expect([200, 201], 'register member', 'POST', '/members', syntheticMember(planIds[i]!, overrides), {
          'idempotency-key': `register-${planIds[i]!}`,
        });
        ids[i] = String(body.id);
      }
    }),
  );
  return ids;
}
