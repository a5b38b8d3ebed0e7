import { Module } from '@nestjs/common';
import { CaseRecordsController } from './case-records.controller';
import { CasesController } from './cases.controller';
import { CasesService } from './cases.service';
import { CaseMember } from './case-member.service';

/** The care team's cases: start, list, read, and every care-team action (workflow updates). */
@Module({ controllers: [CasesController, CaseRecordsController], providers: [CasesService, CaseMember], exports: [CasesService] })
export class CasesModule {}
