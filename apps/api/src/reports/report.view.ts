import { ApiProperty } from '@nestjs/swagger';
import { TREND_GRANULARITIES, type MeasureMembersView, type MeasureReportView, type MeasureTrendPoint, type MeasureTrendView, type MeasureValueView, type ReportFilterView, type TrendGranularity } from '@careloop/contracts';
import { MEASURE_GROUPS, MEASURE_IDS, type MeasureGroup, type MeasureId, type MeasureOutcome, type MeasureRow, type MeasureScoring, type MeasureSubject, type ReportPeriod } from '@careloop/domain';

const SUPPRESSED = 'null when suppressed (the committee: a cell of 1 to 10).';

export class ReportPeriodView implements ReportPeriod {
  @ApiProperty({ format: 'date-time', description: 'Exclusive: the period is (start, end].' }) start!: string;
  @ApiProperty({ format: 'date-time', description: 'Inclusive.' }) end!: string;
}

export class ReportFilterViewDto implements ReportFilterView {
  @ApiProperty({ type: String, nullable: true, example: 'CCM' }) programCode!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'east', description: "A supervisor's report is always their own team's." }) teamId!: string | null;
}

export class MeasureStratumViewDto {
  @ApiProperty({ example: 'expedited' }) code!: string;
  @ApiProperty({ type: Number, nullable: true, description: SUPPRESSED }) numerator!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: SUPPRESSED }) denominator!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: `null when the denominator is 0; ${SUPPRESSED}` }) value!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Durations only (hours).' }) median!: number | null;
  @ApiProperty() suppressed!: boolean;
}

export class MeasureValueViewDto implements MeasureValueView {
  @ApiProperty({ enum: MEASURE_IDS }) measureId!: MeasureId;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: MEASURE_GROUPS }) group!: MeasureGroup;
  @ApiProperty({ enum: ['proportion', 'ratio', 'duration'] }) scoring!: MeasureScoring;
  @ApiProperty({ enum: ['case', 'discharge', 'review', 'complaint', 'care_manager'] }) subject!: MeasureSubject;
  @ApiProperty({ description: 'The rule it reports on.' }) source!: string;
  @ApiProperty({ type: Number, nullable: true }) target!: number | null;
  @ApiProperty() higherIsBetter!: boolean;
  @ApiProperty({ type: Number, nullable: true, description: `A duration's is the total hours; ${SUPPRESSED}` }) numerator!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: SUPPRESSED }) denominator!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: `A share, a ratio or mean hours; null when the denominator is 0; ${SUPPRESSED}` }) value!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Durations only: the median hours.' }) median!: number | null;
  @ApiProperty({ type: Boolean, nullable: true, description: 'null without a target, a value, or when suppressed.' }) meetsTarget!: boolean | null;
  @ApiProperty() suppressed!: boolean;
  @ApiProperty({ type: [MeasureStratumViewDto] }) strata!: MeasureStratumViewDto[];
}

export class MeasureReportViewDto implements MeasureReportView {
  @ApiProperty({ type: ReportPeriodView }) period!: ReportPeriodView;
  @ApiProperty({ type: ReportFilterViewDto }) filter!: ReportFilterViewDto;
  @ApiProperty({ type: [MeasureValueViewDto] }) measures!: MeasureValueViewDto[];
}

export class MeasureRowView implements MeasureRow {
  @ApiProperty({ enum: MEASURE_IDS }) measureId!: MeasureId;
  @ApiProperty({ description: 'The case, discharge, review, complaint or care-manager id.' }) subjectId!: string;
  @ApiProperty({ type: String, nullable: true }) caseId!: string | null;
  @ApiProperty({ type: String, nullable: true }) memberId!: string | null;
  @ApiProperty({ type: String, nullable: true }) programCode!: string | null;
  @ApiProperty({ type: String, nullable: true }) teamId!: string | null;
  @ApiProperty({ enum: ['met', 'not_met', 'excluded'] }) outcome!: MeasureOutcome;
  @ApiProperty({ type: String, nullable: true }) stratum!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) dueAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) doneAt!: string | null;
  @ApiProperty({ description: 'Written from codes, never from notes.' }) detail!: string;
}

export class MeasureMembersViewDto implements MeasureMembersView {
  @ApiProperty({ type: ReportPeriodView }) period!: ReportPeriodView;
  @ApiProperty({ type: ReportFilterViewDto }) filter!: ReportFilterViewDto;
  @ApiProperty({ enum: MEASURE_IDS }) measureId!: MeasureId;
  @ApiProperty({ type: [MeasureRowView] }) rows!: MeasureRowView[];
}

export class MeasureTrendPointView implements MeasureTrendPoint {
  @ApiProperty({ example: '2026-11-03', description: 'YYYY-MM-DD (day) or YYYY-MM (month).' }) period!: string;
  @ApiProperty({ type: Number, nullable: true, description: SUPPRESSED }) numerator!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: SUPPRESSED }) denominator!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: SUPPRESSED }) value!: number | null;
  @ApiProperty() suppressed!: boolean;
}

export class MeasureTrendViewDto implements MeasureTrendView {
  @ApiProperty({ enum: MEASURE_IDS }) measureId!: MeasureId;
  @ApiProperty({ type: ReportFilterViewDto }) filter!: ReportFilterViewDto;
  @ApiProperty({ enum: TREND_GRANULARITIES }) granularity!: TrendGranularity;
  @ApiProperty({ type: Number, nullable: true }) target!: number | null;
  @ApiProperty({ type: [MeasureTrendPointView] }) points!: MeasureTrendPointView[];
}
