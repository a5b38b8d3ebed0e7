import { MigrationInterface, QueryRunner } from "typeorm";

export class DischargeEvents1795423277964 implements MigrationInterface {
    name = 'DischargeEvents1795423277964'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "discharge_events" (
                "discharge_id" character varying(64) NOT NULL,
                "source" character varying(64) NOT NULL,
                "source_event_id" character varying(128) NOT NULL,
                "format" character varying(16) NOT NULL,
                "member_ref" character varying(64) NOT NULL,
                "program_code" character varying(32) NOT NULL,
                "case_id" character varying(64) NOT NULL,
                "discharged_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "facility_id" character varying(64),
                "facility_name" character varying(200),
                "disposition" character varying(32),
                "pcp_id" character varying(64),
                "payload_hash" character(64) NOT NULL,
                "received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "redeliveries" integer NOT NULL DEFAULT '0',
                "last_received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_b5371c644836ca0dd1e06d6a2c7" PRIMARY KEY ("discharge_id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_discharge_events_case" ON "discharge_events" ("case_id", "discharged_at")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_discharge_events_source_event" ON "discharge_events" ("source", "source_event_id")
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "public"."uq_discharge_events_source_event"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_discharge_events_case"
        `);
        await queryRunner.query(`
            DROP TABLE "discharge_events"
        `);
    }

}
