import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The member registry (member.entity.ts, issue 16): encrypted record documents and their versions,
 * HMAC blind indexes (the partial unique index keeps one member per plan id), duplicate flags. Generated.
 */
export class MemberRegistry1796200000000 implements MigrationInterface {
    name = 'MemberRegistry1796200000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "members" (
                "id" character varying(30) NOT NULL,
                "version" integer NOT NULL,
                "key_id" character varying(32) NOT NULL,
                "record" text NOT NULL,
                "created_by" character varying(128) NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_28b53062261b996d9c99fa12404" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "idx_members_key_id" ON "members" ("key_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "member_versions" (
                "member_id" character varying(30) NOT NULL,
                "version" integer NOT NULL,
                "key_id" character varying(32) NOT NULL,
                "record" text NOT NULL,
                "changed_by" character varying(128) NOT NULL,
                "changed_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_234e1d9bb6d2c6de09deff7fb94" PRIMARY KEY ("member_id", "version")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "idx_member_versions_key_id" ON "member_versions" ("key_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "member_search_index" (
                "member_id" character varying(30) NOT NULL,
                "kind" character varying(24) NOT NULL,
                "digest" character(64) NOT NULL,
                CONSTRAINT "PK_11096bdec2d57c363f1aaaa44ee" PRIMARY KEY ("member_id", "kind", "digest")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_member_search_plan" ON "member_search_index" ("digest")
            WHERE kind = 'plan'
        `);
        await queryRunner.query(`
            CREATE INDEX "idx_member_search_lookup" ON "member_search_index" ("kind", "digest")
        `);
        await queryRunner.query(`
            CREATE TABLE "member_duplicate_flags" (
                "id" character varying(30) NOT NULL,
                "member_a" character varying(30) NOT NULL,
                "member_b" character varying(30) NOT NULL,
                "reason" character varying(32) NOT NULL,
                "flagged_by" character varying(128) NOT NULL,
                "flagged_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "resolution" character varying(32),
                "resolved_by" character varying(128),
                "resolved_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_157acc3573fff124bfb054e7da0" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "idx_member_duplicate_open" ON "member_duplicate_flags" ("resolution")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_member_duplicate_pair" ON "member_duplicate_flags" ("member_a", "member_b", "reason")
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "public"."uq_member_duplicate_pair"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."idx_member_duplicate_open"
        `);
        await queryRunner.query(`
            DROP TABLE "member_duplicate_flags"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."idx_member_search_lookup"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_member_search_plan"
        `);
        await queryRunner.query(`
            DROP TABLE "member_search_index"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."idx_member_versions_key_id"
        `);
        await queryRunner.query(`
            DROP TABLE "member_versions"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."idx_members_key_id"
        `);
        await queryRunner.query(`
            DROP TABLE "members"
        `);
    }

}
