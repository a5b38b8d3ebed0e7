import { Module } from '@nestjs/common';
import { StuckCasesService } from './stuck-cases.service';
import { SupervisorActionsService } from './supervisor-actions.service';
import { SupervisorController } from './supervisor.controller';

/** Supervisors: stuck cases, caseloads, diagnosis, and the audited actions on a case. */
@Module({ controllers: [SupervisorController], providers: [StuckCasesService, SupervisorActionsService] })
export class SupervisorModule {}
