import type { DataSource } from 'typeorm';
import type { CarePlan, PlanConsent } from '@careloop/domain';
import { selectRows } from './sql.query';

/** One stored care plan version with its consent (null until consented). */
export interface StoredPlanVersion {
  readonly version: number;
  /** As the workflow validated and proposed it (plan_proposed). */
  readonly plan: CarePlan;
  readonly proposedBy: string;
  readonly proposedAt: Date;
  /** As recorded (plan_consented). */
  readonly consent: PlanConsent | null;
  readonly consentedAt: Date | null;
}

export interface StoredNote {
  readonly seq: number;
  readonly kind: string;
  readonly text: string;
  readonly authorId: string;
  readonly writtenAt: Date;
}

export interface StoredProviderReport {
  readonly seq: number;
  readonly at: Date;
  readonly providerId: string;
  readonly summary: string;
  readonly discussedWithMember: boolean;
  readonly recordedBy: string;
}

/** A notification of the outbox (params are PHI-free by contract, and left out here anyway). */
export interface StoredNotification {
  readonly key: string;
  readonly audience: string;
  readonly channel: string;
  readonly template: string;
  readonly status: string;
  readonly attempts: number;
  readonly createdAt: Date;
  readonly deliveredAt: Date | null;
}

/**
 * The documentation of a case's current episode, as the care team reads it on
 * the case page: plan versions, notes and call records, provider reports,
 * notifications. Every query joins `cases` on the current run, so a closed and
 * re-opened case shows only its current episode.
 */
export class CaseRecordsRepository {
  constructor(private readonly dataSource: DataSource) {}

  planVersions(caseId: string): Promise<StoredPlanVersion[]> {
    return selectRows<StoredPlanVersion>(
      this.dataSource,
      `SELECT p.version, p.plan, p.proposed_by AS "proposedBy", p.proposed_at AS "proposedAt", p.consent, p.consented_at AS "consentedAt"
       FROM care_plan_versions p JOIN cases c ON c.id = p.case_id AND c.run_id = p.episode_id
       WHERE p.case_id = $1 ORDER BY p.version DESC`,
      [caseId],
    );
  }

  notes(caseId: string, limit: number): Promise<StoredNote[]> {
    return selectRows<StoredNote>(
      this.dataSource,
      `SELECT n.seq, n.kind, n.text, n.author_id AS "authorId", n.written_at AS "writtenAt"
       FROM case_notes n JOIN cases c ON c.id = n.case_id AND c.run_id = n.episode_id
       WHERE n.case_id = $1 ORDER BY n.seq DESC LIMIT $2`,
      [caseId, limit],
    );
  }

  /** Provider reports are kept in case_events (their data is the report). */
  providerReports(caseId: string, limit: number): Promise<StoredProviderReport[]> {
    return selectRows<StoredProviderReport>(
      this.dataSource,
      `SELECT e.seq, e.at, e.data->>'providerId' AS "providerId", e.data->>'summary' AS summary,
              (e.data->'discussedWithMember')::boolean AS "discussedWithMember", e.actor_id AS "recordedBy"
       FROM case_events e JOIN cases c ON c.id = e.case_id AND c.run_id = e.episode_id
       WHERE e.case_id = $1 AND e.kind = 'provider_report_received' ORDER BY e.seq DESC LIMIT $2`,
      [caseId, limit],
    );
  }

  notifications(caseId: string, limit: number): Promise<StoredNotification[]> {
    return selectRows<StoredNotification>(
      this.dataSource,
      `SELECT key, audience, channel, template, status, attempts, created_at AS "createdAt", delivered_at AS "deliveredAt" FROM notifications
       WHERE case_id = $1 ORDER BY created_at DESC, key LIMIT $2`,
      [caseId, limit],
    );
  }
}
