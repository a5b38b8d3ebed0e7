import { MigrationInterface, QueryRunner } from "typeorm";

export class InitialSchema1795405717084 implements MigrationInterface {
    name = 'InitialSchema1795405717084'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "cases" (
                "id" character varying(64) NOT NULL,
                "run_id" character varying(64) NOT NULL,
                "member_ref" character varying(64) NOT NULL,
                "program_code" character varying(32) NOT NULL,
                "enrollment_date" date NOT NULL,
                "policy_version" character varying(64) NOT NULL,
                "phase" character varying(32) NOT NULL,
                "closure_reason" character varying(32),
                "opened_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "phase_changed_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_264acb3048c240fb89aa34626db" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_cases_program_phase" ON "cases" ("program_code", "phase")
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "public"."ix_cases_program_phase"
        `);
        await queryRunner.query(`
            DROP TABLE "cases"
        `);
    }

}
