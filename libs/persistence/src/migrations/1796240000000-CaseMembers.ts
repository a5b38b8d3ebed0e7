import { MigrationInterface, QueryRunner } from "typeorm";

export class CaseMembers1796240000000 implements MigrationInterface {
    name = 'CaseMembers1796240000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "cases"
            ADD "member_id" character varying(30)
        `);
        await queryRunner.query(`
            ALTER TABLE "integration_clients"
            ADD "hl7_member_id_place" character varying(16)
        `);
        await queryRunner.query(`
            ALTER TABLE "integration_clients"
            ADD "hl7_member_id_qualifier" character varying(64)
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_cases_member" ON "cases" ("member_id")
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "public"."ix_cases_member"
        `);
        await queryRunner.query(`
            ALTER TABLE "integration_clients" DROP COLUMN "hl7_member_id_qualifier"
        `);
        await queryRunner.query(`
            ALTER TABLE "integration_clients" DROP COLUMN "hl7_member_id_place"
        `);
        await queryRunner.query(`
            ALTER TABLE "cases" DROP COLUMN "member_id"
        `);
    }

}
