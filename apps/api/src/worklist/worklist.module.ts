import { Module } from '@nestjs/common';
import { WorklistController } from './worklist.controller';
import { WorklistService } from './worklist.service';

/** Worklists (issue 17): the work_items projection read as lists, and claim / release / reassign. */
@Module({ controllers: [WorklistController], providers: [WorklistService] })
export class WorklistModule {}
