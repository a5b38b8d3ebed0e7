import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The committee's random code per case (committee-pseudonym.entity.ts). Generated; the generator's drop of
 * ix_worker_heartbeats_queue_seen (an index made in its own migration, not declared on the entity) is left out.
 */
export class CommitteePseudonyms1796161576963 implements MigrationInterface {
    name = 'CommitteePseudonyms1796161576963'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "committee_pseudonyms" (
                "case_id" character varying(64) NOT NULL,
                "code" character varying(24) NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "UQ_6797e4908fc820c9810397aa850" UNIQUE ("code"),
                CONSTRAINT "PK_70e67f3eeb08fbb734ea46d4a66" PRIMARY KEY ("case_id")
            )
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP TABLE "committee_pseudonyms"
        `);
    }

}
