import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Discharge intake keyed by the authenticated integration client (a client can
 * neither collide with nor answer for another client's events); the visit
 * number of HL7 discharges, so a later ADT^A08 / ADT^A13 finds its A03; the
 * sender's updates and cancellations (discharge_amendments).
 *
 * Rows received before keep client_id NULL and their discharge_id: intake
 * still finds them by (source, event id), so their workflow ids never change.
 */
export class DischargeAmendments1795436000000 implements MigrationInterface {
    name = 'DischargeAmendments1795436000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "discharge_events"
                ADD "client_id" character varying(128),
                ADD "visit_number" character varying(64),
                ADD "cancelled_at" TIMESTAMP WITH TIME ZONE,
                ADD "updated_at" TIMESTAMP WITH TIME ZONE
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_discharge_events_source_event"
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_discharge_events_client_source_event" ON "discharge_events" ("client_id", "source", "source_event_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_discharge_events_legacy_source_event" ON "discharge_events" ("source", "source_event_id") WHERE "client_id" IS NULL
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_discharge_events_visit" ON "discharge_events" ("client_id", "source", "member_ref", "visit_number") WHERE "visit_number" IS NOT NULL
        `);
        await queryRunner.query(`
            CREATE TABLE "discharge_amendments" (
                "amendment_id" character varying(64) NOT NULL,
                "client_id" character varying(128) NOT NULL,
                "source" character varying(64) NOT NULL,
                "source_event_id" character varying(128) NOT NULL,
                "kind" character varying(16) NOT NULL,
                "message_type" character varying(16) NOT NULL,
                "discharge_id" character varying(64) NOT NULL,
                "discharged_at" TIMESTAMP WITH TIME ZONE,
                "disposition" character varying(32),
                "pcp_id" character varying(64),
                "occurred_at" TIMESTAMP WITH TIME ZONE,
                "payload_hash" character(64) NOT NULL,
                "received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "redeliveries" integer NOT NULL DEFAULT '0',
                "last_received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_discharge_amendments" PRIMARY KEY ("amendment_id"),
                CONSTRAINT "FK_discharge_amendments_discharge" FOREIGN KEY ("discharge_id") REFERENCES "discharge_events"("discharge_id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_discharge_amendments_client_source_event" ON "discharge_amendments" ("client_id", "source", "source_event_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_discharge_amendments_discharge" ON "discharge_amendments" ("discharge_id", "received_at")
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TABLE "discharge_amendments"`);
        await queryRunner.query(`DROP INDEX "public"."ix_discharge_events_visit"`);
        await queryRunner.query(`DROP INDEX "public"."uq_discharge_events_legacy_source_event"`);
        await queryRunner.query(`DROP INDEX "public"."uq_discharge_events_client_source_event"`);
        // Only possible while no two clients sent the same (source, event id).
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_discharge_events_source_event" ON "discharge_events" ("source", "source_event_id")`);
        await queryRunner.query(`
            ALTER TABLE "discharge_events" DROP COLUMN "updated_at", DROP COLUMN "cancelled_at", DROP COLUMN "visit_number", DROP COLUMN "client_id"
        `);
    }
}
