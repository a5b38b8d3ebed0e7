import { MigrationInterface, QueryRunner } from "typeorm";

/** The nightly measure snapshots (issue 18, docs/reporting.md): one row per day, scope and measure. */
export class MeasureSnapshots1796400000000 implements MigrationInterface {
    name = 'MeasureSnapshots1796400000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "measure_snapshots" (
                "day" date NOT NULL,
                "program_code" character varying(32) NOT NULL,
                "team_id" character varying(64) NOT NULL,
                "measure_id" character varying(64) NOT NULL,
                "numerator" double precision NOT NULL,
                "denominator" double precision NOT NULL,
                "value" double precision,
                "median" double precision,
                "strata" jsonb NOT NULL,
                "computed_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_measure_snapshots" PRIMARY KEY ("day", "program_code", "team_id", "measure_id")
            )
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP TABLE "measure_snapshots"
        `);
    }

}
