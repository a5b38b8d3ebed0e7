import { MigrationInterface, QueryRunner } from "typeorm";

export class ProviderDirectory1796210000000 implements MigrationInterface {
    name = 'ProviderDirectory1796210000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "providers" (
                "id" character varying(64) NOT NULL,
                "npi" character(10) NOT NULL,
                "name" character varying(200) NOT NULL,
                "role" character varying(32) NOT NULL,
                "organization" character varying(200),
                "endpoint" jsonb NOT NULL,
                "active" boolean NOT NULL DEFAULT true,
                "name_lower" character varying(200) NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_af13fc2ebf382fe0dad2e4793aa" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "providers_npi_key" ON "providers" ("npi")
        `);
        await queryRunner.query(`
            CREATE INDEX "providers_name_lower_idx" ON "providers" ("name_lower")
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "public"."providers_name_lower_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."providers_npi_key"
        `);
        await queryRunner.query(`
            DROP TABLE "providers"
        `);
    }

}
