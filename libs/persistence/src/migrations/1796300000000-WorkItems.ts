import { MigrationInterface, QueryRunner } from "typeorm";

export class WorkItems1796300000000 implements MigrationInterface {
    name = 'WorkItems1796300000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "work_items" (
                "id" character varying(200) NOT NULL,
                "source" character varying(24) NOT NULL,
                "source_id" character varying(100) NOT NULL,
                "episode_id" character varying(64),
                "kind" character varying(40) NOT NULL,
                "task_key" character varying(80) NOT NULL,
                "status" character varying(16) NOT NULL,
                "priority" character varying(8) NOT NULL,
                "due_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "reminded_at" TIMESTAMP WITH TIME ZONE,
                "missed_at" TIMESTAMP WITH TIME ZONE,
                "owner_staff_id" character varying(64),
                "owner_team_id" character varying(64),
                "owner_role" character varying(16) NOT NULL,
                "claimed_at" TIMESTAMP WITH TIME ZONE,
                "case_id" character varying(64),
                "member_id" character varying(30),
                "program_code" character varying(32),
                "risk_tier" character varying(8),
                "opened_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "closed_at" TIMESTAMP WITH TIME ZONE,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_afbfa01728533c866eafaf6f160" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_work_items_case" ON "work_items" ("case_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_work_items_team_open" ON "work_items" ("owner_team_id", "due_at")
            WHERE status IN ('open', 'suspended')
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_work_items_queue_open" ON "work_items" ("owner_team_id", "owner_role", "due_at")
            WHERE status IN ('open', 'suspended')
                AND owner_staff_id IS NULL
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_work_items_person_open" ON "work_items" ("owner_staff_id", "due_at")
            WHERE status IN ('open', 'suspended')
                AND owner_staff_id IS NOT NULL
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "public"."ix_work_items_person_open"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_work_items_queue_open"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_work_items_team_open"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_work_items_case"
        `);
        await queryRunner.query(`
            DROP TABLE "work_items"
        `);
    }

}
