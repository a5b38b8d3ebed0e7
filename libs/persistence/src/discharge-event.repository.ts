import type { DataSource } from 'typeorm';
import type { DischargeEvent } from '@careloop/domain';

export interface DischargeIntake {
  /** False when this (source, event id) was stored before. */
  readonly inserted: boolean;
  /** The stored event's content differs from this one (same id, different payload). */
  readonly conflicting: boolean;
  /** The discharge id stored with the event (the first delivery's). */
  readonly dischargeId: string;
}

/**
 * The discharge_events intake table. `record` is one statement: an insert
 * that, on a repeated (source, event id), only counts the redelivery, so
 * concurrent deliveries of one event store it once.
 */
export class DischargeEventRepository {
  constructor(private readonly dataSource: DataSource) {}

  async record(dischargeId: string, caseId: string, event: DischargeEvent, payloadHash: string): Promise<DischargeIntake> {
    const rows: { discharge_id: string; inserted: boolean; payload_hash: string }[] = await this.dataSource.query(
      `INSERT INTO discharge_events (discharge_id, source, source_event_id, format, member_ref, program_code, case_id, discharged_at,
         facility_id, facility_name, disposition, pcp_id, payload_hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
       ON CONFLICT (source, source_event_id) DO UPDATE SET redeliveries = discharge_events.redeliveries + 1, last_received_at = now()
       RETURNING discharge_id, (xmax = 0) AS inserted, payload_hash`,
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
        payloadHash,
      ],
    );
    const row = rows[0]!;
    return { inserted: row.inserted, conflicting: row.payload_hash !== payloadHash, dischargeId: row.discharge_id };
  }

  async exists(dischargeId: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query('SELECT 1 FROM discharge_events WHERE discharge_id = $1', [dischargeId]);
    return rows.length > 0;
  }
}
