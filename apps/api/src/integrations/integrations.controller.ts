import { Body, Controller, Headers, HttpStatus, Post, Res } from '@nestjs/common';
import {
  ApiSecurity,
  ApiBadRequestResponse,
  ApiBody,
  ApiConsumes,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { DischargeIntakeService } from './discharge-intake.service';
import { EnrollmentIntakeService, ENROLLMENT_BATCH_LIMIT } from './enrollment-intake.service';
import { DischargeAcceptedView, dischargeAnswer, ENROLLMENT_BATCH_BODY, EnrollmentBatchView } from './integrations.view';
import { integrationSender } from './integration-sender';
import { Access, CurrentPrincipal } from '../auth/access.decorator';
import type { Principal } from '../auth/principal';

/**
 * Events pushed by hospitals, HIEs and the plan (docs/integrations.md). Both
 * endpoints are idempotent by content: a repeated delivery changes nothing and
 * says so (200 instead of 201; `existing` rows).
 */
@ApiTags('integrations')
@ApiBadRequestResponse({ description: 'Problem details naming each invalid field (JSON path, FHIR path or HL7 segment-field) and why.' })
@ApiSecurity('integration-key')
@Controller('integrations')
export class IntegrationsController {
  constructor(
    private readonly discharges: DischargeIntakeService,
    private readonly enrollments: EnrollmentIntakeService,
  ) {}

  @Post('discharge-events')
  @Access('integration.intake')
  @ApiOperation({
    summary: 'A hospital discharge: CareLoop JSON, a FHIR R4 Encounter or Da Vinci notification Bundle, or an HL7 v2 ADT^A03 message; ADT^A08 / ADT^A13 update or cancel it',
  })
  @ApiConsumes('application/json', 'application/fhir+json', 'x-application/hl7-v2+er7', 'text/plain')
  @ApiBody({ description: 'See docs/integrations.md and docs/integrations/samples/ for each format.', schema: { oneOf: [{ type: 'object' }, { type: 'string' }] } })
  @ApiCreatedResponse({ type: DischargeAcceptedView, description: 'New event: its discharge workflow was started.' })
  @ApiOkResponse({ type: DischargeAcceptedView, description: 'The same event was received before (nothing new was started), or an ADT^A13 / ADT^A08 was applied or had nothing to do.' })
  @ApiNotFoundResponse({ description: 'ADT^A13: no discharge of this patient and visit (PV1-19) from this client and sender.' })
  @ApiConflictResponse({ description: 'The event id was used before for different content, or (ADT^A13) the transition of care has ended.' })
  @ApiUnprocessableEntityResponse({ description: 'A well-formed Da Vinci notification that is not a discharge (admit, transfer).' })
  @ApiUnsupportedMediaTypeResponse({ description: 'Not JSON, FHIR JSON or HL7 v2 text.' })
  async dischargeEvent(
    @Headers('content-type') contentType: string | undefined,
    @Body() body: unknown,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) res: Response,
  ): Promise<DischargeAcceptedView> {
    const answer = dischargeAnswer(await this.discharges.receive(contentType, body, integrationSender(principal)));
    res.status(answer.status);
    if (answer.body.links) res.location(answer.body.links.discharge);
    return answer.body;
  }

  @Post('enrollment-events')
  @Access('integration.intake')
  @ApiOperation({ summary: `Newly enrolled members (up to ${ENROLLMENT_BATCH_LIMIT} per request): each gets a case in its program, once` })
  @ApiBody({ schema: ENROLLMENT_BATCH_BODY(ENROLLMENT_BATCH_LIMIT) })
  @ApiOkResponse({ type: EnrollmentBatchView, description: 'The batch was read: every row has its own status (created, existing, duplicate, invalid, failed).' })
  @ApiPayloadTooLargeResponse({ description: `More than ${ENROLLMENT_BATCH_LIMIT} members, or a body over the size limit.` })
  async enrollmentEvents(@Body() body: unknown, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) res: Response): Promise<EnrollmentBatchView> {
    const result = await this.enrollments.receive(body, integrationSender(principal));
    res.status(HttpStatus.OK);
    return { summary: result.summary, results: result.results.map((r) => ({ ...r, errors: r.errors ? [...r.errors] : undefined })) };
  }
}
