import { MigrationInterface, QueryRunner } from "typeorm";

export class CaseEventsAndRecords1795407552586 implements MigrationInterface {
    name = 'CaseEventsAndRecords1795407552586'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "assessments" (
                "case_id" character varying(64) NOT NULL,
                "episode_id" character varying(64) NOT NULL,
                "seq" integer NOT NULL,
                "kind" character varying(16) NOT NULL,
                "answers" jsonb NOT NULL,
                "risk_tier" character varying(8) NOT NULL,
                "risk_score" integer NOT NULL,
                "risk_reasons" jsonb NOT NULL,
                "submitted_by" character varying(128) NOT NULL,
                "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_bd6b8b0907615e9812a299f1e48" PRIMARY KEY ("case_id", "episode_id", "seq")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "care_plan_versions" (
                "case_id" character varying(64) NOT NULL,
                "episode_id" character varying(64) NOT NULL,
                "version" integer NOT NULL,
                "plan" jsonb NOT NULL,
                "proposed_by" character varying(128) NOT NULL,
                "proposed_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "consent" jsonb,
                "consented_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_399e0a9cd8e0a06825ab5944f66" PRIMARY KEY ("case_id", "episode_id", "version")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "case_events" (
                "case_id" character varying(64) NOT NULL,
                "episode_id" character varying(64) NOT NULL,
                "seq" integer NOT NULL,
                "at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "kind" character varying(40) NOT NULL,
                "actor_id" character varying(128) NOT NULL,
                "summary" character varying(300) NOT NULL,
                "data" jsonb NOT NULL,
                "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_c85191edd1336ce9743953a9d0f" PRIMARY KEY ("case_id", "episode_id", "seq")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "case_notes" (
                "case_id" character varying(64) NOT NULL,
                "episode_id" character varying(64) NOT NULL,
                "seq" integer NOT NULL,
                "kind" character varying(16) NOT NULL,
                "text" text NOT NULL,
                "author_id" character varying(128) NOT NULL,
                "written_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_04a15734f890c0cb4db723b9424" PRIMARY KEY ("case_id", "episode_id", "seq")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "case_tasks" (
                "case_id" character varying(64) NOT NULL,
                "episode_id" character varying(64) NOT NULL,
                "task_key" character varying(64) NOT NULL,
                "kind" character varying(32) NOT NULL,
                "status" character varying(16) NOT NULL,
                "due_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "opened_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "closed_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_36e06edb285a4edc6282aa2cb34" PRIMARY KEY ("case_id", "episode_id", "task_key")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_case_tasks_open_due" ON "case_tasks" ("status", "due_at")
        `);
        await queryRunner.query(`
            CREATE TABLE "contact_attempts" (
                "case_id" character varying(64) NOT NULL,
                "episode_id" character varying(64) NOT NULL,
                "number" integer NOT NULL,
                "channel" character varying(16) NOT NULL,
                "started_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "due_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "outcome" character varying(16),
                "recorded_at" TIMESTAMP WITH TIME ZONE,
                "recorded_by" character varying(128),
                "note" text,
                CONSTRAINT "PK_08f15dd6757121e7e79abb89711" PRIMARY KEY ("case_id", "episode_id", "number")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "notifications" (
                "key" character varying(160) NOT NULL,
                "case_id" character varying(64) NOT NULL,
                "audience" character varying(16) NOT NULL,
                "channel" character varying(16) NOT NULL,
                "template" character varying(64) NOT NULL,
                "params" jsonb NOT NULL,
                "status" character varying(16) NOT NULL,
                "attempts" integer NOT NULL DEFAULT '0',
                "last_error" character varying(500),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "delivered_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_d51d565cc502858700f21071677" PRIMARY KEY ("key")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_notifications_status" ON "notifications" ("status")
        `);
        await queryRunner.query(`
            ALTER TABLE "cases"
            ADD "status" character varying(16) NOT NULL DEFAULT 'active'
        `);
        await queryRunner.query(`
            ALTER TABLE "cases"
            ADD "risk_tier" character varying(8)
        `);
        await queryRunner.query(`
            ALTER TABLE "cases"
            ADD "care_manager_id" character varying(64)
        `);
        await queryRunner.query(`
            ALTER TABLE "cases"
            ADD "active_plan_version" integer
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "cases" DROP COLUMN "active_plan_version"
        `);
        await queryRunner.query(`
            ALTER TABLE "cases" DROP COLUMN "care_manager_id"
        `);
        await queryRunner.query(`
            ALTER TABLE "cases" DROP COLUMN "risk_tier"
        `);
        await queryRunner.query(`
            ALTER TABLE "cases" DROP COLUMN "status"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_notifications_status"
        `);
        await queryRunner.query(`
            DROP TABLE "notifications"
        `);
        await queryRunner.query(`
            DROP TABLE "contact_attempts"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_case_tasks_open_due"
        `);
        await queryRunner.query(`
            DROP TABLE "case_tasks"
        `);
        await queryRunner.query(`
            DROP TABLE "case_notes"
        `);
        await queryRunner.query(`
            DROP TABLE "case_events"
        `);
        await queryRunner.query(`
            DROP TABLE "care_plan_versions"
        `);
        await queryRunner.query(`
            DROP TABLE "assessments"
        `);
    }

}
