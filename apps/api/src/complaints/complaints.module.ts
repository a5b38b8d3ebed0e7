import { Module } from '@nestjs/common';
import { ComplaintsController } from './complaints.controller';
import { ComplaintsService } from './complaints.service';
import { ComplaintListService } from './complaint-list.service';

/** Complaints (seed 000): one workflow per complaint. */
@Module({ controllers: [ComplaintsController], providers: [ComplaintsService, ComplaintListService] })
export class ComplaintsModule {}
