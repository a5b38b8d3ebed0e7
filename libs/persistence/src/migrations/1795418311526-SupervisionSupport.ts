import { MigrationInterface, QueryRunner } from "typeorm";

export class SupervisionSupport1795418311526 implements MigrationInterface {
    name = 'SupervisionSupport1795418311526'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "supervisor_actions" (
                "id" BIGSERIAL NOT NULL,
                "case_id" character varying(64) NOT NULL,
                "action" character varying(32) NOT NULL,
                "actor_id" character varying(128) NOT NULL,
                "reason" character varying(1000) NOT NULL,
                "details" jsonb NOT NULL,
                "outcome" character varying(48) NOT NULL,
                "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_eaba40b202db18897781c91a364" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_supervisor_actions_case" ON "supervisor_actions" ("case_id", "at")
        `);
        await queryRunner.query(`
            ALTER TABLE "notifications"
            ADD "first_failed_at" TIMESTAMP WITH TIME ZONE
        `);
        await queryRunner.query(`
            ALTER TABLE "notifications"
            ADD "last_attempt_at" TIMESTAMP WITH TIME ZONE
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "notifications" DROP COLUMN "last_attempt_at"
        `);
        await queryRunner.query(`
            ALTER TABLE "notifications" DROP COLUMN "first_failed_at"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_supervisor_actions_case"
        `);
        await queryRunner.query(`
            DROP TABLE "supervisor_actions"
        `);
    }

}
