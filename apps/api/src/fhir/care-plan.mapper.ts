import type { Bundle, CarePlan, Goal } from '@medplum/fhirtypes';
import type { PlanVersionEntry } from '@careloop/contracts';

/** Where a CarePlan version came from: the case and episode it belongs to and the member (Patient) it is for. */
export interface CarePlanSource {
  readonly caseId: string;
  readonly episodeId: string;
  /** Registry member id (Patient.id). */
  readonly memberId: string;
  readonly entry: PlanVersionEntry;
  readonly status: CarePlan['status'];
}

const US_CORE_CAREPLAN = 'http://hl7.org/fhir/us/core/StructureDefinition/us-core-careplan';
const CAREPLAN_CATEGORY = 'http://hl7.org/fhir/us/core/CodeSystem/careplan-category';

/**
 * FHIR status of each version of one episode's plan (versions as
 * case-records reads them): the newest consented version is `active`
 * (`completed` once the case is closed), older consented versions are
 * `revoked` (superseded), an unconsented version newer than the active one is
 * `draft`, an unconsented one older than it was never in force: `revoked`.
 */
export function carePlanStatuses(entries: readonly PlanVersionEntry[], caseClosed: boolean): Map<number, CarePlan['status']> {
  const active = Math.max(0, ...entries.filter((e) => e.consent?.consentGiven).map((e) => e.version));
  return new Map(
    entries.map((e) => [
      e.version,
      e.version === active ? (caseClosed ? 'completed' : 'active') : e.version > active ? (caseClosed ? 'revoked' : 'draft') : 'revoked',
    ]),
  );
}

/**
 * One care-plan version as a US Core CarePlan (category assess-plan, intent
 * plan). Goals are contained Goal resources (they have no life outside the
 * version); interventions become activities referencing their goals.
 * Problems go into `description`: R4's `addresses` wants Condition
 * references, which CareLoop does not keep. Referrals are not mapped (they
 * are ServiceRequests; later). `meta.versionId` is the plan version; the id
 * names case, episode and version, so every version is addressable.
 * US Core CarePlan's StructureDefinition is not on npm: its must-haves (text,
 * status, intent, category assess-plan, subject) are written here and
 * asserted by test/unit/fhir/care-plan.mapper.spec.ts.
 */
export function carePlanVersionToFhir(s: CarePlanSource): CarePlan {
  const { entry } = s;
  const goals: Goal[] = entry.plan.goals.map((g) => ({
    resourceType: 'Goal',
    id: `goal-${g.id}`,
    lifecycleStatus: s.status === 'active' || s.status === 'draft' ? 'active' : 'completed',
    description: { text: g.description },
    subject: { reference: `Patient/${s.memberId}` },
    target: [{ dueDate: g.targetDate }],
  }));
  return {
    resourceType: 'CarePlan',
    id: carePlanId(s.caseId, s.episodeId, entry.version),
    meta: { versionId: String(entry.version), lastUpdated: entry.consentedAt ?? entry.proposedAt, profile: [US_CORE_CAREPLAN] },
    text: { status: 'generated', div: `<div xmlns="http://www.w3.org/1999/xhtml">Care plan version ${entry.version}</div>` },
    identifier: [{ system: 'https://careloop.example/fhir/care-plan', value: `${s.caseId}/${s.episodeId}/${entry.version}` }],
    status: s.status,
    intent: 'plan',
    category: [{ coding: [{ system: CAREPLAN_CATEGORY, code: 'assess-plan' }] }],
    ...(entry.plan.problems.length > 0 ? { description: entry.plan.problems.map((p) => `${p.domain}: ${p.description}`).join('; ') } : {}),
    subject: { reference: `Patient/${s.memberId}` },
    period: { start: entry.consentedAt ?? entry.proposedAt },
    created: entry.proposedAt,
    author: { display: entry.proposedBy },
    ...(goals.length > 0 ? { contained: goals, goal: goals.map((g) => ({ reference: `#${g.id}` })) } : {}),
    ...(entry.plan.interventions.length > 0
      ? {
          activity: entry.plan.interventions.map((i) => ({
            detail: {
              status: s.status === 'active' ? 'in-progress' : s.status === 'draft' ? 'not-started' : 'stopped',
              description: i.description,
              ...(i.goalIds.length > 0 ? { goal: i.goalIds.map((g) => ({ reference: `#goal-${g}` })) } : {}),
            },
          })),
        }
      : {}),
  };
}

/** A FHIR id (≤ 64 of [A-Za-z0-9-.]) naming one version: case, episode and version. */
export function carePlanId(caseId: string, episodeId: string, version: number): string {
  return `${caseId}.${episodeId}.${version}`.replace(/[^A-Za-z0-9\-.]/g, '-').slice(0, 64);
}

/** `GET /fhir/CarePlan?patient=…` as a searchset Bundle (every entry a match). */
export function searchsetBundle<T extends CarePlan>(resources: readonly T[], selfUrl: string, baseUrl: string): Bundle<T> {
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    total: resources.length,
    link: [{ relation: 'self', url: selfUrl }],
    entry: resources.map((r) => ({ fullUrl: `${baseUrl}/${r.resourceType}/${r.id}`, resource: r, search: { mode: 'match' } })),
  };
}
