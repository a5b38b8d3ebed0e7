import { Body, Controller, Get, Headers, HttpCode, Param, Post, Put, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiSecurity, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Bundle, CarePlan, Patient } from '@medplum/fhirtypes';
import { MEMBER_ID_PATTERN } from '@careloop/contracts';
import { Access, ActorId, CurrentPrincipal } from '../auth/access.decorator';
import type { Principal } from '../auth/principal';
import { auditMembers } from '../auth/request-context';
import { FhirOutcomeFilter } from './fhir-outcome.filter';
import { FhirService, type PatientWrite } from './fhir.service';
import { FHIR_JSON } from './operation-outcome';

/** Names the duplicate flags a created Patient raised (docs/integrations.md, "FHIR routes"). */
export const DUPLICATE_FLAGS_HEADER = 'X-CareLoop-Duplicate-Flags';

/**
 * FHIR R4 (US Core 5.0.1) over the member registry and the cases' care
 * plans. Bodies and errors are application/fhir+json (OperationOutcome,
 * FhirOutcomeFilter); request bodies may be application/fhir+json or
 * application/json (api.app.ts's JSON parser reads both).
 */
@ApiTags('fhir')
@ApiBearerAuth()
@Controller('fhir')
@UseFilters(FhirOutcomeFilter)
export class FhirController {
  constructor(private readonly fhir: FhirService) {}

  @Get('Patient/:id')
  @Access('fhir.read')
  @ApiOperation({ summary: 'A registry member as a US Core Patient (audited read of PHI)' })
  @ApiOkResponse({ description: 'The Patient; ETag W/"<version>".' })
  @ApiNotFoundResponse({ description: 'No such member, or none the caller may see (OperationOutcome).' })
  async readPatient(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<Patient> {
    // Named before the read, so a refused (hidden) read is audited against the member too.
    if (MEMBER_ID_PATTERN.test(id)) auditMembers(req, [id]);
    const patient = await this.fhir.readPatient(principal, id);
    res.type(FHIR_JSON).setHeader('ETag', `W/"${patient.meta?.versionId}"`);
    return patient;
  }

  @Get('CarePlan')
  @Access('fhir.read')
  @ApiOperation({ summary: "Search: every care-plan version of the member's cases, as US Core CarePlans (audited read of PHI)" })
  @ApiQuery({ name: 'patient', required: true, description: 'The member id, or Patient/<member id>.' })
  @ApiOkResponse({ description: 'A searchset Bundle of CarePlans.' })
  @ApiNotFoundResponse({ description: 'No such member, or none the caller may see (OperationOutcome).' })
  async searchCarePlans(
    @CurrentPrincipal() principal: Principal,
    @Query('patient') patient: unknown,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<Bundle<CarePlan>> {
    const asked = typeof patient === 'string' ? patient.replace(/^Patient\//, '') : '';
    if (MEMBER_ID_PATTERN.test(asked)) auditMembers(req, [asked]);
    const base = `${req.protocol}://${req.get('host') ?? 'localhost'}/fhir`;
    const bundle = await this.fhir.searchCarePlans(principal, patient, `${base}/CarePlan?patient=${encodeURIComponent(String(patient))}`, base);
    res.type(FHIR_JSON);
    return bundle;
  }

  @Post('Patient')
  @HttpCode(201)
  @Access('fhir.write')
  @ApiSecurity('integration-key')
  @ApiOperation({ summary: 'Register a member from a US Core Patient; a possible duplicate is registered and flagged, never merged' })
  @ApiCreatedResponse({ description: `The created Patient; Location /fhir/Patient/<id>/_history/<version>, ETag, and ${DUPLICATE_FLAGS_HEADER} when it raised duplicate flags.` })
  async createPatient(@Body() body: unknown, @ActorId() actor: string, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<Patient> {
    const written = await this.fhir.createPatient(body, actor);
    auditMembers(req, [written.member.id]);
    return this.answer(res, written, true);
  }

  @Put('Patient/:id')
  @Access('fhir.write')
  @ApiSecurity('integration-key')
  @ApiHeader({ name: 'If-Match', required: true, description: 'W/"<version>": the Patient.meta.versionId read (412 when stale, 428 when missing).' })
  @ApiOperation({ summary: "Replace a member's registry record from a US Core Patient (eligibility and enrollments are kept)" })
  @ApiOkResponse({ description: 'The updated Patient; ETag W/"<version>".' })
  @ApiNotFoundResponse({ description: 'No such member (OperationOutcome).' })
  async updatePatient(
    @Param('id') id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: unknown,
    @ActorId() actor: string,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<Patient> {
    if (MEMBER_ID_PATTERN.test(id)) auditMembers(req, [id]);
    return this.answer(res, await this.fhir.updatePatient(id, ifMatch, body, actor), false);
  }

  private answer(res: Response, written: PatientWrite, created: boolean): Patient {
    const { member } = written;
    res.type(FHIR_JSON).setHeader('ETag', `W/"${member.version}"`);
    if (created) res.setHeader('Location', `/fhir/Patient/${member.id}/_history/${member.version}`);
    if (written.duplicateFlagIds.length > 0) res.setHeader(DUPLICATE_FLAGS_HEADER, written.duplicateFlagIds.join(', '));
    return written.patient;
  }
}
