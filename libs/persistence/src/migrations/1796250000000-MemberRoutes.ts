import { MigrationInterface, QueryRunner } from "typeorm";

export class MemberRoutes1796250000000 implements MigrationInterface {
    name = 'MemberRoutes1796250000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "member_create_requests" (
                "actor_id" character varying(128) NOT NULL,
                "idempotency_key" character varying(100) NOT NULL,
                "body_digest" character(64) NOT NULL,
                "member_id" character varying(30),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_72bc3e46c11c1ff38ca1bc76e31" PRIMARY KEY ("actor_id", "idempotency_key")
            )
        `);
        await queryRunner.query(`
            ALTER TABLE "audit_log"
            ADD "member_id" character varying(30)
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_audit_log_member" ON "audit_log" ("member_id", "at")
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "public"."ix_audit_log_member"
        `);
        await queryRunner.query(`
            ALTER TABLE "audit_log" DROP COLUMN "member_id"
        `);
        await queryRunner.query(`
            DROP TABLE "member_create_requests"
        `);
    }

}
