import { Module } from '@nestjs/common';
import { MeasureReportsService } from './measure-reports.service';
import { ReportsController } from './reports.controller';

/** Compliance reporting and quality measures (issue 18, docs/reporting.md); the repositories come from CoreModule's persistence. */
@Module({ controllers: [ReportsController], providers: [MeasureReportsService] })
export class ReportsModule {}
