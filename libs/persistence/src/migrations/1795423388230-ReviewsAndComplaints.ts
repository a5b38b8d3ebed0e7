import { MigrationInterface, QueryRunner } from "typeorm";

export class ReviewsAndComplaints1795423388230 implements MigrationInterface {
    name = 'ReviewsAndComplaints1795423388230'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "utilization_reviews" (
                "id" character varying(64) NOT NULL,
                "version" integer NOT NULL,
                "provider_id" character varying(64) NOT NULL,
                "member_ref" character varying(64) NOT NULL,
                "case_id" character varying(64),
                "urgency" character varying(16) NOT NULL,
                "status" character varying(16) NOT NULL,
                "service_code" character varying(16) NOT NULL,
                "received_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "decision_due_at" TIMESTAMP WITH TIME ZONE,
                "request" jsonb NOT NULL,
                "view" jsonb NOT NULL,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_4e0e1dc139f623e2ab168eabca5" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_utilization_reviews_case" ON "utilization_reviews" ("case_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_utilization_reviews_status_due" ON "utilization_reviews" ("status", "decision_due_at")
        `);
        await queryRunner.query(`
            CREATE TABLE "utilization_review_decisions" (
                "review_id" character varying(64) NOT NULL,
                "level" character varying(16) NOT NULL,
                "kind" character varying(24) NOT NULL,
                "reason" text,
                "approved_quantity" integer,
                "reviewer_id" character varying(128) NOT NULL,
                "decided_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "due_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "on_time" boolean NOT NULL,
                CONSTRAINT "PK_60edb7b0483f6f374e38e2d82f6" PRIMARY KEY ("review_id", "level")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "complaints" (
                "id" character varying(64) NOT NULL,
                "version" integer NOT NULL,
                "complainant_kind" character varying(16) NOT NULL,
                "complainant_id" character varying(64) NOT NULL,
                "channel" character varying(16) NOT NULL,
                "subject" character varying(16) NOT NULL,
                "case_id" character varying(64),
                "status" character varying(16) NOT NULL,
                "received_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "acknowledge_by" TIMESTAMP WITH TIME ZONE NOT NULL,
                "resolve_by" TIMESTAMP WITH TIME ZONE NOT NULL,
                "summary" text NOT NULL,
                "resolution" text,
                "view" jsonb NOT NULL,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_4b7566a2a489c2cc7c12ed076ad" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_complaints_case" ON "complaints" ("case_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_complaints_status_resolve_by" ON "complaints" ("status", "resolve_by")
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "public"."ix_complaints_status_resolve_by"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_complaints_case"
        `);
        await queryRunner.query(`
            DROP TABLE "complaints"
        `);
        await queryRunner.query(`
            DROP TABLE "utilization_review_decisions"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_utilization_reviews_status_due"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_utilization_reviews_case"
        `);
        await queryRunner.query(`
            DROP TABLE "utilization_reviews"
        `);
    }

}
