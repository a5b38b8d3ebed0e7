import { Module } from '@nestjs/common';
import { StuckCasesService } from './stuck-cases.service';
import { SupervisorActionsService } from './supervisor-actions.service';
import { SupervisorController } from './supervisor.controller';
import { StopParticipationListService } from './stop-participation-list.service';

/** Supervisors: stuck cases, caseloads, diagnosis, and the audited actions on a case. */
@Module({ controllers: [SupervisorController], providers: [StuckCasesService, SupervisorActionsService, StopParticipationListService] })
export class SupervisorModule {}
