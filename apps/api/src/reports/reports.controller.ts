import { Controller, Get, Headers, Param, Query, Res, type PipeTransform } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Bundle, MeasureReport } from '@medplum/fhirtypes';
import type { MeasureMembersView, MeasureReportView, MeasureTrendView } from '@careloop/contracts';
import { isMeasureId, MEASURE_IDS, type MeasureId } from '@careloop/domain';
import { Access, CurrentPrincipal } from '../auth/access.decorator';
import type { Principal } from '../auth/principal';
import { ApiError } from '../common/api-error';
import { MeasureMembersQuery, MeasureReportQuery, MeasureTrendQueryDto, ReportScopeQueryDto } from './dto/report.query';
import { csvFileName, measureMembersCsv, measureReportCsv } from './measure.csv';
import { measureReportBundle, measureReportResource } from './measure-report.fhir';
import { MeasureReportsService } from './measure-reports.service';
import { CSV_MEDIA, FHIR_MEDIA, resolveFormat } from './report-query';
import { MeasureMembersViewDto, MeasureReportViewDto, MeasureTrendViewDto } from './report.view';

class ParseMeasureIdPipe implements PipeTransform<string, MeasureId> {
  static readonly parameterSchema = { type: 'string', enum: [...MEASURE_IDS] } as const;

  transform(id: string): MeasureId {
    if (!isMeasureId(id)) {
      throw new ApiError('not_found', `No measure with id ${id.slice(0, 64)}: GET /reports/measures lists the measure ids.`);
    }
    return id;
  }
}

const UNKNOWN_MEASURE = 'No measure with this id (the detail names it).';
const CSV_SCHEMA = { schema: { type: 'string' as const, description: 'RFC 4180 CSV with a header row.' } };
/** The FHIR answers as the document describes them: a FHIR resource; FHIR R4 defines the rest. */
const FHIR_RESOURCE = (type: string) => ({ schema: { type: 'object' as const, required: ['resourceType'], properties: { resourceType: { type: 'string', enum: [type] } }, additionalProperties: true } });

/**
 * Compliance reporting (issue 18, docs/reporting.md): the quality measures of a period computed from
 * the events (GET /reports/measures), a measure's care-gap list (/members: supervisors and admins),
 * FHIR R4 MeasureReports, and trends from the nightly snapshots. A supervisor reports on their own
 * team; the committee sees aggregates with small cells withheld, never member rows.
 */
@ApiTags('reports')
@ApiBearerAuth()
@ApiExtraModels(MeasureReportViewDto, MeasureMembersViewDto)
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: MeasureReportsService) {}

  @Get('measures')
  @Access('report.read')
  @ApiOperation({ summary: 'Every quality measure for a month or range of days: definition, numerator, denominator, value, strata, target met (JSON, CSV or a FHIR Bundle)' })
  @ApiProduces('application/json', CSV_MEDIA, FHIR_MEDIA)
  @ApiOkResponse({
    description: 'JSON (MeasureReportView); format=csv: one row per measure and stratum; format=fhir: a collection Bundle of MeasureReports.',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(MeasureReportViewDto) } },
      [CSV_MEDIA]: CSV_SCHEMA,
      [FHIR_MEDIA]: FHIR_RESOURCE('Bundle'),
    },
  })
  async measures(
    @Query() q: MeasureReportQuery,
    @Headers('accept') accept: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) res: Response,
  ): Promise<MeasureReportView | Bundle<MeasureReport> | string> {
    const format = resolveFormat(q.format, accept, ['json', 'csv', 'fhir']);
    const report = await this.reports.report(principal, q);
    if (format === 'csv') {
      return attachment(res, csvFileName('measures', report.label, ...scopeParts(report.view)), measureReportCsv(report.view));
    }
    if (format === 'fhir') {
      res.type(FHIR_MEDIA);
      return measureReportBundle(report.view, report.excluded, report.generatedAt);
    }
    return report.view;
  }

  @Get('measures/:id/members')
  @Access('report.members')
  @ApiOperation({ summary: "One measure's subjects in the period, met, not met or excluded: the care-gap list (supervisors: their own team; admins)" })
  @ApiProduces('application/json', CSV_MEDIA)
  @ApiOkResponse({
    description: 'JSON (MeasureMembersView), or format=csv: one row per subject.',
    content: { 'application/json': { schema: { $ref: getSchemaPath(MeasureMembersViewDto) } }, [CSV_MEDIA]: CSV_SCHEMA },
  })
  @ApiNotFoundResponse({ description: UNKNOWN_MEASURE })
  async members(
    @Param('id', ParseMeasureIdPipe) id: MeasureId,
    @Query() q: MeasureMembersQuery,
    @Headers('accept') accept: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) res: Response,
  ): Promise<MeasureMembersView | string> {
    const format = resolveFormat(q.format, accept, ['json', 'csv']);
    const { view, label } = await this.reports.members(principal, id, q);
    if (format === 'csv') {
      return attachment(res, csvFileName(id, 'members', label, ...scopeParts(view)), measureMembersCsv(view));
    }
    return view;
  }

  @Get('measures/:id/fhir')
  @Access('report.read')
  @ApiOperation({ summary: 'One measure for the period as a FHIR R4 MeasureReport (summary; withheld counts carry data-absent-reason masked)' })
  @ApiProduces(FHIR_MEDIA)
  @ApiOkResponse({ description: 'A MeasureReport (application/fhir+json).', content: { [FHIR_MEDIA]: FHIR_RESOURCE('MeasureReport'), 'application/json': FHIR_RESOURCE('MeasureReport') } })
  @ApiNotFoundResponse({ description: UNKNOWN_MEASURE })
  async fhir(
    @Param('id', ParseMeasureIdPipe) id: MeasureId,
    @Query() q: ReportScopeQueryDto,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) res: Response,
  ): Promise<MeasureReport> {
    const report = await this.reports.report(principal, q);
    const measure = report.view.measures.find((m) => m.measureId === id);
    if (!measure) throw new Error(`computeMeasures gave no value for ${id}`);
    res.type(FHIR_MEDIA);
    return measureReportResource(measure, report.excluded[id], { period: report.view.period, generatedAt: report.generatedAt });
  }

  @Get('trends')
  @Access('report.read')
  @ApiOperation({ summary: "One measure's daily or monthly values over a range of days, from the nightly snapshots" })
  @ApiOkResponse({ type: MeasureTrendViewDto })
  trends(@Query() q: MeasureTrendQueryDto, @CurrentPrincipal() principal: Principal): Promise<MeasureTrendView> {
    return this.reports.trend(principal, q);
  }
}

function scopeParts(view: { readonly filter: { readonly programCode: string | null; readonly teamId: string | null } }): string[] {
  return [view.filter.programCode, view.filter.teamId].filter((p): p is string => p !== null);
}

function attachment(res: Response, fileName: string, body: string): string {
  res.type(`${CSV_MEDIA}; charset=utf-8`).setHeader('Content-Disposition', `attachment; filename="${fileName}"`);
  return body;
}
