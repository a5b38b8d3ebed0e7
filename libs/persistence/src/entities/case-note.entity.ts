import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Notes and call records (seed 003 step 7: all notes and call records documented). PHI. */
@Entity({ name: 'case_notes' })
export class CaseNoteEntity {
  @PrimaryColumn({ name: 'case_id', type: 'varchar', length: 64 }) caseId!: string;
  @PrimaryColumn({ name: 'episode_id', type: 'varchar', length: 64 }) episodeId!: string;
  @PrimaryColumn({ type: 'integer' }) seq!: number;
  @Column({ type: 'varchar', length: 16 }) kind!: 'note' | 'call_record';
  @Column({ type: 'text' }) text!: string;
  @Column({ name: 'author_id', type: 'varchar', length: 128 }) authorId!: string;
  @Column({ name: 'written_at', type: 'timestamptz' }) writtenAt!: Date;
}
