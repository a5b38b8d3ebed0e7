import { MigrationInterface, QueryRunner } from "typeorm";

export class WorkerHeartbeats1795430000000 implements MigrationInterface {
    name = 'WorkerHeartbeats1795430000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "worker_heartbeats" (
                "identity" character varying(200) NOT NULL,
                "task_queue" character varying(200) NOT NULL,
                "state" character varying(16) NOT NULL,
                "detail" character varying(300) NOT NULL,
                "seen_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_worker_heartbeats_identity" PRIMARY KEY ("identity")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_worker_heartbeats_queue_seen" ON "worker_heartbeats" ("task_queue", "seen_at")
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "public"."ix_worker_heartbeats_queue_seen"
        `);
        await queryRunner.query(`
            DROP TABLE "worker_heartbeats"
        `);
    }

}
