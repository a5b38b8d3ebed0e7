import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Care teams (team.entity.ts), the case's owning team, and the maintained open-caseload counter. Generated, plus
 * two data steps: every existing staff.team string becomes a teams row (name = id, serving no program until an
 * admin says so) before the foreign key is added, and open_caseload is backfilled from the open assignments.
 */
export class CareTeams1796220000000 implements MigrationInterface {
    name = 'CareTeams1796220000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "teams" (
                "id" character varying(64) NOT NULL,
                "name" character varying(200) NOT NULL,
                "programs" text array NOT NULL DEFAULT '{}',
                "regions" text array NOT NULL DEFAULT '{}',
                "active" boolean NOT NULL DEFAULT true,
                CONSTRAINT "PK_7e5523774a38b08a6236d322403" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            ALTER TABLE "cases"
            ADD "team_id" character varying(64)
        `);
        await queryRunner.query(`
            ALTER TABLE "staff"
            ADD "open_caseload" integer NOT NULL DEFAULT '0'
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_cases_team" ON "cases" ("team_id")
        `);
        await queryRunner.query(`
            INSERT INTO "teams" ("id", "name") SELECT DISTINCT "team", "team" FROM "staff" WHERE "team" IS NOT NULL
        `);
        await queryRunner.query(`
            UPDATE "staff" s SET "open_caseload" = (SELECT count(*)::int FROM "case_assignments" a WHERE a."care_manager_id" = s."id" AND a."released_at" IS NULL)
        `);
        await queryRunner.query(`
            ALTER TABLE "staff"
            ADD CONSTRAINT "FK_94c946898160da4eae07b4bb32d" FOREIGN KEY ("team") REFERENCES "teams"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "staff" DROP CONSTRAINT "FK_94c946898160da4eae07b4bb32d"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_cases_team"
        `);
        await queryRunner.query(`
            ALTER TABLE "staff" DROP COLUMN "open_caseload"
        `);
        await queryRunner.query(`
            ALTER TABLE "cases" DROP COLUMN "team_id"
        `);
        await queryRunner.query(`
            DROP TABLE "teams"
        `);
    }

}
