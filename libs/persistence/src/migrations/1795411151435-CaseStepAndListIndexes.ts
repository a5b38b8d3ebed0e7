import { MigrationInterface, QueryRunner } from "typeorm";

export class CaseStepAndListIndexes1795411151435 implements MigrationInterface {
    name = 'CaseStepAndListIndexes1795411151435'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "cases"
            ADD "step" character varying(32)
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_cases_opened" ON "cases" ("opened_at", "id")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_cases_care_manager" ON "cases" ("care_manager_id", "phase")
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "public"."ix_cases_care_manager"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_cases_opened"
        `);
        await queryRunner.query(`
            ALTER TABLE "cases" DROP COLUMN "step"
        `);
    }

}
