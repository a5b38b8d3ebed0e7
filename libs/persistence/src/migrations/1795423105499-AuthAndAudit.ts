import { MigrationInterface, QueryRunner } from "typeorm";

export class AuthAndAudit1795423105499 implements MigrationInterface {
    name = 'AuthAndAudit1795423105499'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "audit_log" (
                "id" BIGSERIAL NOT NULL,
                "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "actor_id" character varying(128) NOT NULL,
                "actor_role" character varying(32),
                "action" character varying(48) NOT NULL,
                "method" character varying(8) NOT NULL,
                "route" character varying(200) NOT NULL,
                "case_id" character varying(64),
                "outcome" character varying(16) NOT NULL,
                "status" smallint NOT NULL,
                "source_ip" character varying(64),
                "reason" character varying(1000),
                "request_id" character varying(64) NOT NULL,
                CONSTRAINT "PK_07fefa57f7f5ab8fc3f52b3ed0b" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_audit_log_actor" ON "audit_log" ("actor_id", "at")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_audit_log_case" ON "audit_log" ("case_id", "at")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_audit_log_at" ON "audit_log" ("at")
        `);
        await queryRunner.query(`
            CREATE TABLE "integration_clients" (
                "id" character varying(64) NOT NULL,
                "display_name" character varying(200) NOT NULL,
                "key_sha256" character(64) NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "revoked_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_38a6ed3834fe9aeb1d467c4804f" PRIMARY KEY ("id")
            )
        `);
        // Hand-written: the audit log and the supervisor actions are append-only for every role,
        // the table owner included (a trigger, unlike REVOKE, binds the owner too).
        await queryRunner.query(`
            CREATE FUNCTION careloop_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
            END
            $$
        `);
        for (const table of ['audit_log', 'supervisor_actions']) {
            await queryRunner.query(`
                CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON "${table}"
                FOR EACH ROW EXECUTE FUNCTION careloop_refuse_change()
            `);
            await queryRunner.query(`
                CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON "${table}"
                FOR EACH STATEMENT EXECUTE FUNCTION careloop_refuse_change()
            `);
        }
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        for (const table of ['audit_log', 'supervisor_actions']) {
            await queryRunner.query(`DROP TRIGGER ${table}_no_truncate ON "${table}"`);
            await queryRunner.query(`DROP TRIGGER ${table}_append_only ON "${table}"`);
        }
        await queryRunner.query(`DROP FUNCTION careloop_refuse_change()`);
        await queryRunner.query(`
            DROP TABLE "integration_clients"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_audit_log_at"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_audit_log_case"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_audit_log_actor"
        `);
        await queryRunner.query(`
            DROP TABLE "audit_log"
        `);
    }

}
