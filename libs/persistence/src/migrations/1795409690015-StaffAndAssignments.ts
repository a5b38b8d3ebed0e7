import { MigrationInterface, QueryRunner } from "typeorm";

export class StaffAndAssignments1795409690015 implements MigrationInterface {
    name = 'StaffAndAssignments1795409690015'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "case_assignments" (
                "case_id" character varying(64) NOT NULL,
                "episode_id" character varying(64) NOT NULL,
                "care_manager_id" character varying(64) NOT NULL,
                "risk_tier" character varying(8) NOT NULL,
                "language_match" boolean NOT NULL,
                "assigned_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "released_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_c650adf94563cf7c2b03624d102" PRIMARY KEY ("case_id", "episode_id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_case_assignments_open" ON "case_assignments" ("care_manager_id", "released_at")
        `);
        await queryRunner.query(`
            CREATE TABLE "staff" (
                "id" character varying(64) NOT NULL,
                "display_name" character varying(200) NOT NULL,
                "role" character varying(32) NOT NULL,
                "team" character varying(64),
                "languages" text array NOT NULL DEFAULT '{}',
                "active" boolean NOT NULL DEFAULT true,
                "caseload_cap" integer,
                CONSTRAINT "PK_e4ee98bb552756c180aec1e854a" PRIMARY KEY ("id")
            )
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP TABLE "staff"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_case_assignments_open"
        `);
        await queryRunner.query(`
            DROP TABLE "case_assignments"
        `);
    }

}
