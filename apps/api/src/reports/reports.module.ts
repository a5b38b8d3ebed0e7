import { Module } from '@nestjs/common';
import { MeasureReportsService } from './measure-reports.service';
import { MEASURE_FACTS_READER, MEASURE_TREND_READER } from './report.ports';
import { ReportsController } from './reports.controller';

/** Compliance reporting and quality measures (issue 18, docs/reporting.md). */
@Module({
  controllers: [ReportsController],
  providers: [
    MeasureReportsService,
    // Replaced by libs/persistence MeasureFactsRepository / MeasureSnapshotRepository once they land.
    { provide: MEASURE_FACTS_READER, useValue: { read: () => Promise.reject(new Error('MeasureFactsRepository: not yet available')) } },
    { provide: MEASURE_TREND_READER, useValue: { trend: () => Promise.reject(new Error('MeasureSnapshotRepository: not yet available')) } },
  ],
})
export class ReportsModule {}
