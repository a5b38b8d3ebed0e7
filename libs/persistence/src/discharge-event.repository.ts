import type { DataSource } from 'typeorm';
import type { DischargeAmendmentKind, DischargeDetailChanges, DischargeEvent } from '@careloop/domain';
import { execute, selectOne } from './sql.query';
import { cancelTransitionItems, openTransitionItems } from './work-item.projection';

export interface DischargeIntake {
  /** False when this event was stored before. */
  readonly inserted: boolean;
  /** The stored event's content differs from this one (same id, different payload). */
  readonly conflicting: boolean;
  /** The discharge id stored with the event: the first delivery's (for events received before client keying, the old id). */
  readonly dischargeId: string;
}

/** The key of intake: the authenticated client, the sender the message names, its event id. */
export interface IntakeKey {
  readonly clientId: string;
  readonly source: string;
  readonly sourceEventId: string;
}

/** The discharge an ADT^A08 / ADT^A13 is about, with its recorded details. */
export interface DischargeOfVisit {
  readonly dischargeId: string;
  readonly caseId: string;
  readonly dischargedAt: string;
  readonly disposition: string | null;
  readonly pcpId: string | null;
  readonly cancelled: boolean;
}

export interface StoredAmendment {
  readonly amendmentId: string;
  readonly dischargeId: string;
  readonly caseId: string;
  readonly payloadHash: string;
}

export interface AmendmentRecord {
  readonly amendmentId: string;
  readonly key: IntakeKey;
  readonly kind: DischargeAmendmentKind;
  readonly messageType: string;
  readonly dischargeId: string;
  /** `update`: only what changed. */
  readonly changes: DischargeDetailChanges;
  readonly occurredAt: string | null;
  readonly payloadHash: string;
}

/**
 * The discharge_events intake table and the discharge_amendments of senders.
 * `record` is one statement: an insert that, on a repeated event, only counts
 * the redelivery, so concurrent deliveries of one event store it once.
 */
export class DischargeEventRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Stores the event once per (client, source, event id). An event received
   * before the client was recorded (client_id NULL) is found by (source, event
   * id) alone and keeps its discharge id: a redelivery after the upgrade is a
   * repeat, never a second workflow. No row is ever inserted with a NULL client.
   */
  async record(
    key: IntakeKey,
    dischargeId: string,
    caseId: string,
    event: DischargeEvent,
    visitNumber: string | null,
    payloadHash: string,
    tasks: readonly { task: string; dueAt: string }[] = [],
  ): Promise<DischargeIntake> {
    return this.dataSource.transaction(async (tx) => {
      // One row always: the legacy repeat, else the insert or the counted redelivery (xmax = 0 only for a fresh insert).
      const row = await selectOne<{ dischargeId: string; inserted: boolean; payloadHash: string }>(
        tx,
        `WITH legacy AS (
           UPDATE discharge_events SET redeliveries = redeliveries + 1, last_received_at = now()
           WHERE client_id IS NULL AND source = $2 AND source_event_id = $3
           RETURNING discharge_id, false AS inserted, payload_hash
         ), fresh AS (
           INSERT INTO discharge_events (discharge_id, client_id, source, source_event_id, format, member_ref, program_code, case_id, discharged_at,
             facility_id, facility_name, disposition, pcp_id, visit_number, payload_hash)
           SELECT $1::varchar, $15::varchar, $2::varchar, $3::varchar, $4::varchar, $5::varchar, $6::varchar, $7::varchar, $8::timestamptz,
             $9::varchar, $10::varchar, $11::varchar, $12::varchar, $13::varchar, $14::char(64)
           WHERE NOT EXISTS (SELECT 1 FROM legacy)
           ON CONFLICT (client_id, source, source_event_id) DO UPDATE SET redeliveries = discharge_events.redeliveries + 1, last_received_at = now()
           RETURNING discharge_id, (xmax = 0) AS inserted, payload_hash
         )
         SELECT discharge_id AS "dischargeId", inserted, payload_hash AS "payloadHash" FROM legacy
         UNION ALL SELECT discharge_id, inserted, payload_hash FROM fresh`,
        [
          dischargeId,
          event.source,
          event.sourceEventId,
          event.format,
          event.memberRef,
          event.programCode,
          caseId,
          event.dischargedAt,
          event.facility.id,
          event.facility.name,
          event.disposition,
          event.pcpId,
          visitNumber,
          payloadHash,
          key.clientId,
        ],
      );
      const conflicting = row!.payloadHash !== payloadHash;
      // The transition-of-care work items, with the first delivery (a redelivery finds them there: nothing changes).
      if (!conflicting) await openTransitionItems(tx, row!.dischargeId, caseId, event.dischargedAt, tasks);
      return { inserted: row!.inserted, conflicting, dischargeId: row!.dischargeId };
    });
  }

  async exists(dischargeId: string): Promise<boolean> {
    return (await selectOne(this.dataSource, 'SELECT 1 AS found FROM discharge_events WHERE discharge_id = $1', [dischargeId])) !== null;
  }

  /**
   * The discharge of this member's visit from this client and sender: the
   * latest one not cancelled, else the latest (a visit discharged, cancelled,
   * discharged again has several rows).
   */
  async findByVisit(q: { readonly clientId: string; readonly source: string; readonly memberRef: string; readonly visitNumber: string }): Promise<DischargeOfVisit | null> {
    const row = await selectOne<Omit<DischargeOfVisit, 'dischargedAt'> & { dischargedAt: Date }>(
      this.dataSource,
      `SELECT discharge_id AS "dischargeId", case_id AS "caseId", discharged_at AS "dischargedAt", disposition, pcp_id AS "pcpId",
              cancelled_at IS NOT NULL AS cancelled FROM discharge_events
       WHERE client_id = $1 AND source = $2 AND member_ref = $3 AND visit_number = $4
       ORDER BY (cancelled_at IS NULL) DESC, received_at DESC LIMIT 1`,
      [q.clientId, q.source, q.memberRef, q.visitNumber],
    );
    return row ? { ...row, dischargedAt: row.dischargedAt.toISOString() } : null;
  }

  /** An amendment received before under this key, counting the redelivery; null the first time. */
  repeatedAmendment(key: IntakeKey): Promise<StoredAmendment | null> {
    return selectOne<StoredAmendment>(
      this.dataSource,
      // A bare UPDATE … RETURNING comes back from TypeORM as [rows, count]; as a CTE it is a plain row list.
      `WITH repeated AS (
         UPDATE discharge_amendments a SET redeliveries = a.redeliveries + 1, last_received_at = now()
         FROM discharge_events e
         WHERE e.discharge_id = a.discharge_id AND a.client_id = $1 AND a.source = $2 AND a.source_event_id = $3
         RETURNING a.amendment_id AS "amendmentId", a.discharge_id AS "dischargeId", e.case_id AS "caseId", a.payload_hash AS "payloadHash"
       )
       SELECT * FROM repeated`,
      [key.clientId, key.source, key.sourceEventId],
    );
  }

  /**
   * Stores an amendment the workflow has applied and carries it onto the
   * discharge row (cancelled_at; the corrected details), in one transaction.
   * A concurrent twin finds the row already there: `inserted` false.
   */
  async recordAmendment(a: AmendmentRecord): Promise<{ readonly inserted: boolean; readonly conflicting: boolean }> {
    return this.dataSource.transaction(async (tx) => {
      // One row always: the insert, or the counted redelivery (xmax = 0 only for a fresh insert).
      const row = (await selectOne<{ inserted: boolean; payloadHash: string }>(
        tx,
        `INSERT INTO discharge_amendments (amendment_id, client_id, source, source_event_id, kind, message_type, discharge_id,
           discharged_at, disposition, pcp_id, occurred_at, payload_hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
         ON CONFLICT (client_id, source, source_event_id) DO UPDATE SET redeliveries = discharge_amendments.redeliveries + 1, last_received_at = now()
         RETURNING (xmax = 0) AS inserted, payload_hash AS "payloadHash"`,
        [
          a.amendmentId,
          a.key.clientId,
          a.key.source,
          a.key.sourceEventId,
          a.kind,
          a.messageType,
          a.dischargeId,
          a.changes.dischargedAt ?? null,
          a.changes.disposition ?? null,
          a.changes.pcpId ?? null,
          a.occurredAt,
          a.payloadHash,
        ],
      ))!;
      if (row.inserted && a.kind === 'cancel') {
        await execute(tx, 'UPDATE discharge_events SET cancelled_at = coalesce(cancelled_at, now()) WHERE discharge_id = $1', [a.dischargeId]);
        await cancelTransitionItems(tx, a.dischargeId);
      }
      if (row.inserted && a.kind === 'update') {
        await execute(
          tx,
          `UPDATE discharge_events SET discharged_at = coalesce($2, discharged_at), disposition = coalesce($3, disposition), pcp_id = coalesce($4, pcp_id), updated_at = now()
           WHERE discharge_id = $1`,
          [a.dischargeId, a.changes.dischargedAt ?? null, a.changes.disposition ?? null, a.changes.pcpId ?? null],
        );
      }
      return { inserted: row.inserted, conflicting: row.payloadHash !== a.payloadHash };
    });
  }
}
