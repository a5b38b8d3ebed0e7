import { MigrationInterface, QueryRunner } from "typeorm";

export class Notifications1796320000000 implements MigrationInterface {
    name = 'Notifications1796320000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "notification_deliveries" (
                "notification_key" character varying(160) NOT NULL,
                "recipient" character varying(160) NOT NULL,
                "channel" character varying(16) NOT NULL,
                "language" character varying(8) NOT NULL,
                "time_zone" character varying(64) NOT NULL,
                "status" character varying(16) NOT NULL,
                "attempts" integer NOT NULL DEFAULT '0',
                "last_error" character varying(500),
                "not_before" TIMESTAMP WITH TIME ZONE NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "delivered_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_4098da44ea58af2a1f1bcf0fd34" PRIMARY KEY ("notification_key", "recipient", "channel")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_notification_deliveries_due" ON "notification_deliveries" ("status", "not_before")
        `);
        await queryRunner.query(`
            CREATE TABLE "notification_preferences" (
                "person_id" character varying(128) NOT NULL,
                "channels" text array NOT NULL,
                "quiet_start" character varying(5),
                "quiet_end" character varying(5),
                "time_zone" character varying(64),
                "language" character varying(8) NOT NULL,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_57d4eb7d38306aef3208185725e" PRIMARY KEY ("person_id")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "inbox_messages" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "recipient_id" character varying(128) NOT NULL,
                "notification_key" character varying(160) NOT NULL,
                "template" character varying(64) NOT NULL,
                "subject" character varying(300) NOT NULL,
                "body" text NOT NULL,
                "language" character varying(8) NOT NULL,
                "case_id" character varying(64),
                "work_item_id" character varying(200),
                "link" character varying(300),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "read_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_f12cf14472c0a9d19bb57cc8478" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_inbox_messages_recipient_created" ON "inbox_messages" ("recipient_id", "created_at", "id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_inbox_messages_recipient_key" ON "inbox_messages" ("recipient_id", "notification_key")
        `);
        await queryRunner.query(`
            ALTER TABLE "staff"
            ADD "email" character varying(254)
        `);
        await queryRunner.query(`
            ALTER TABLE "staff"
            ADD "phone" character varying(20)
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "staff" DROP COLUMN "phone"
        `);
        await queryRunner.query(`
            ALTER TABLE "staff" DROP COLUMN "email"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ux_inbox_messages_recipient_key"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_inbox_messages_recipient_created"
        `);
        await queryRunner.query(`
            DROP TABLE "inbox_messages"
        `);
        await queryRunner.query(`
            DROP TABLE "notification_preferences"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_notification_deliveries_due"
        `);
        await queryRunner.query(`
            DROP TABLE "notification_deliveries"
        `);
    }

}
