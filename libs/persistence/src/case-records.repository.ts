import type { DataSource } from 'typeorm';

/** One stored care plan version with its consent (null until consented). */
export interface StoredPlanVersion {
  readonly version: number;
  readonly plan: Record<string, unknown>;
  readonly proposedBy: string;
  readonly proposedAt: Date;
  readonly consent: Record<string, unknown> | null;
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

  async planVersions(caseId: string): Promise<StoredPlanVersion[]> {
    const rows: { version: number; plan: Record<string, unknown>; proposed_by: string; proposed_at: Date; consent: Record<string, unknown> | null; consented_at: Date | null }[] =
      await this.dataSource.query(
        `SELECT p.version, p.plan, p.proposed_by, p.proposed_at, p.consent, p.consented_at
         FROM care_plan_versions p JOIN cases c ON c.id = p.case_id AND c.run_id = p.episode_id
         WHERE p.case_id = $1 ORDER BY p.version DESC`,
        [caseId],
      );
    return rows.map((r) => ({ version: r.version, plan: r.plan, proposedBy: r.proposed_by, proposedAt: r.proposed_at, consent: r.consent, consentedAt: r.consented_at }));
  }

  async notes(caseId: string, limit: number): Promise<StoredNote[]> {
    const rows: { seq: number; kind: string; text: string; author_id: string; written_at: Date }[] = await this.dataSource.query(
      `SELECT n.seq, n.kind, n.text, n.author_id, n.written_at FROM case_notes n JOIN cases c ON c.id = n.case_id AND c.run_id = n.episode_id
       WHERE n.case_id = $1 ORDER BY n.seq DESC LIMIT $2`,
      [caseId, limit],
    );
    return rows.map((r) => ({ seq: r.seq, kind: r.kind, text: r.text, authorId: r.author_id, writtenAt: r.written_at }));
  }

  async providerReports(caseId: string, limit: number): Promise<StoredProviderReport[]> {
    const rows: { seq: number; at: Date; actor_id: string; data: { providerId: string; summary: string; discussedWithMember: boolean } }[] = await this.dataSource.query(
      `SELECT e.seq, e.at, e.actor_id, e.data FROM case_events e JOIN cases c ON c.id = e.case_id AND c.run_id = e.episode_id
       WHERE e.case_id = $1 AND e.kind = 'provider_report_received' ORDER BY e.seq DESC LIMIT $2`,
      [caseId, limit],
    );
    return rows.map((r) => ({
      seq: r.seq,
      at: r.at,
      providerId: r.data.providerId,
      summary: r.data.summary,
      discussedWithMember: r.data.discussedWithMember,
      recordedBy: r.actor_id,
    }));
  }

  async notifications(caseId: string, limit: number): Promise<StoredNotification[]> {
    const rows: { key: string; audience: string; channel: string; template: string; status: string; attempts: number; created_at: Date; delivered_at: Date | null }[] =
      await this.dataSource.query(
        `SELECT key, audience, channel, template, status, attempts, created_at, delivered_at FROM notifications
         WHERE case_id = $1 ORDER BY created_at DESC, key LIMIT $2`,
        [caseId, limit],
      );
    return rows.map((r) => ({
      key: r.key,
      audience: r.audience,
      channel: r.channel,
      template: r.template,
      status: r.status,
      attempts: r.attempts,
      createdAt: r.created_at,
      deliveredAt: r.delivered_at,
    }));
  }
}
