import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CaseReadRepository, CaseRecordsRepository } from '@careloop/persistence';
import { Access } from '../auth/access.decorator';
import { caseNotFound } from '../common/api-error';
import { ParseCaseIdPipe } from './case-request';
import { CaseRecordsView } from './case-records.view';

/** How many of each kind the case page shows; older entries stay in the timeline and the database. */
const RECENT = 100;

/** The care team's reading of a case's documentation (care plan versions, notes, reports, notifications). */
@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases')
export class CaseRecordsController {
  constructor(
    private readonly cases: CaseReadRepository,
    private readonly stored: CaseRecordsRepository,
  ) {}

  @Get(':id/records')
  @Access('case.read')
  @ApiOperation({ summary: "The case's documentation: every care plan version with its consent, notes and call records, provider reports, notifications" })
  @ApiOkResponse({ type: CaseRecordsView })
  @ApiNotFoundResponse({ description: 'No case with this id (or not yet in the read model).' })
  async list(@Param('id', ParseCaseIdPipe) id: string): Promise<CaseRecordsView> {
    if ((await this.cases.findById(id)) === null) {
      throw caseNotFound(id);
    }
    const [planVersions, notes, providerReports, notifications] = await Promise.all([
      this.stored.planVersions(id),
      this.stored.notes(id, RECENT),
      this.stored.providerReports(id, RECENT),
      this.stored.notifications(id, RECENT),
    ]);
    return {
      planVersions: planVersions.map((p) => ({ ...p, proposedAt: p.proposedAt.toISOString(), consentedAt: p.consentedAt?.toISOString() ?? null })),
      notes: notes.map((n) => ({ ...n, writtenAt: n.writtenAt.toISOString() })),
      providerReports: providerReports.map((r) => ({ ...r, at: r.at.toISOString() })),
      notifications: notifications.map((n) => ({ ...n, createdAt: n.createdAt.toISOString(), deliveredAt: n.deliveredAt?.toISOString() ?? null })),
    };
  }
}
