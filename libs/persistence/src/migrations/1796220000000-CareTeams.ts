import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Care teams (team.entity.ts), the case's owning team, and the maintained open-caseload counter. Generated, plus
 * two data steps: every existing staff.team string becomes a teams row (name = id, serving no program until an
 * admin says so) before the foreign key is added, and open_caseload is backfilled from the open assignments.
 * Hand-written: the trigger that keeps open_caseload equal to the open case_assignments rows, in the same
 * transaction as whatever statement assigns, reassigns or releases (or deletes) one.
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
            CREATE FUNCTION "case_assignments_open_caseload"() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP IN ('UPDATE', 'DELETE') AND OLD."released_at" IS NULL THEN
                    UPDATE "staff" SET "open_caseload" = "open_caseload" - 1 WHERE "id" = OLD."care_manager_id";
                END IF;
                IF TG_OP IN ('INSERT', 'UPDATE') AND NEW."released_at" IS NULL THEN
                    UPDATE "staff" SET "open_caseload" = "open_caseload" + 1 WHERE "id" = NEW."care_manager_id";
                END IF;
                RETURN NULL;
            END $$
        `);
        await queryRunner.query(`
            CREATE TRIGGER "tr_case_assignments_open_caseload" AFTER INSERT OR DELETE OR UPDATE OF "care_manager_id", "released_at"
            ON "case_assignments" FOR EACH ROW EXECUTE FUNCTION "case_assignments_open_caseload"()
        `);
        await queryRunner.query(`
            ALTER TABLE "staff"
            ADD CONSTRAINT "FK_94c946898160da4eae07b4bb32d" FOREIGN KEY ("team") REFERENCES "teams"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP TRIGGER "tr_case_assignments_open_caseload" ON "case_assignments"
        `);
        await queryRunner.query(`
            DROP FUNCTION "case_assignments_open_caseload"()
        `);
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
