import { MigrationInterface, QueryRunner } from "typeorm";

/** Indexes of the issue-17 lists (GET /discharges, GET /supervisor/stop-participation-requests); no table changes. */
export class WorkLists1796330000000 implements MigrationInterface {
    name = 'WorkLists1796330000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE INDEX "ix_discharge_events_discharged" ON "discharge_events" ("discharged_at", "discharge_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_case_tasks_stop_participation_open" ON "case_tasks" ("due_at")
            WHERE kind = 'stop_participation_review'
                AND status = 'open'
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_case_events_external_reference" ON "case_events" ("case_id", ((data ->> 'reference')))
            WHERE kind = 'external_event_recorded'
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "public"."ix_case_events_external_reference"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_case_tasks_stop_participation_open"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_discharge_events_discharged"
        `);
    }
}
