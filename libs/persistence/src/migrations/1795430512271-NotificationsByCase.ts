import { MigrationInterface, QueryRunner } from "typeorm";

/** The case page lists a case's notifications, newest first. */
export class NotificationsByCase1795430512271 implements MigrationInterface {
    name = 'NotificationsByCase1795430512271'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE INDEX "ix_notifications_case" ON "notifications" ("case_id", "created_at")
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "public"."ix_notifications_case"
        `);
    }
}
