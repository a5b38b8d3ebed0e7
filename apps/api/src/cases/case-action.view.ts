import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { RISK_TIERS, type RiskAssessment, type RiskTier } from '@careloop/domain';
import {
  PROVIDER_REQUEST_KINDS,
  type AssessmentResult,
  type PlanProposalResult,
  type PlanSummaryView,
  type ProviderCaseView,
  type ProviderRequestResult,
  type ProviderRequestView,
  type ScreeningResult,
} from '@careloop/contracts';
import { CASE_PHASES, CASE_STATUSES, type CasePhase, type CaseStatus } from '@careloop/domain';
import { ActionResultView, TeamContactView } from './case.view';

/** What the answers of the care-team actions carry besides ActionResultView (see the update definitions in libs/contracts). */
export class RiskAssessmentView implements RiskAssessment {
  @ApiProperty({ enum: RISK_TIERS }) tier!: RiskTier;
  @ApiProperty() score!: number;
  @ApiProperty({ type: [String] }) reasons!: string[];
}

export class ScreeningResultView extends ActionResultView implements ScreeningResult {
  @ApiProperty({ type: RiskAssessmentView }) initialRisk!: RiskAssessmentView;
}

export class AssessmentResultView extends ActionResultView implements AssessmentResult {
  @ApiProperty({ type: RiskAssessmentView }) risk!: RiskAssessmentView;
}

export class PlanProposalResultView extends ActionResultView implements PlanProposalResult {
  @ApiProperty({ description: 'The version this proposal became.' }) planVersion!: number;
}

export class ProviderRequestResultView extends ActionResultView implements ProviderRequestResult {
  @ApiProperty({ example: 'pr-1' }) requestId!: string;
}

export class ProviderRequestItemView implements ProviderRequestView {
  @ApiProperty({ example: 'pr-1' }) requestId!: string;
  @ApiProperty({ enum: PROVIDER_REQUEST_KINDS }) kind!: ProviderRequestView['kind'];
  @ApiProperty({ example: 'prov-9' }) providerId!: string;
  @ApiProperty({ enum: ['pending', 'approved', 'rejected', 'forwarded'] }) status!: ProviderRequestView['status'];
  @ApiProperty({ format: 'date-time' }) receivedAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Supervisor review due by (stop requests).' }) dueAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) decidedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) decidedBy!: string | null;
}

export class HowToRequestChangeView {
  @ApiProperty({ enum: ['POST'] }) method!: 'POST';
  @ApiProperty({ example: '/cases/case-ccm-0123456789abcdef01234567/care-manager-change-requests' }) path!: string;
  @ApiProperty({ enum: ['supervisor'] }) decidedBy!: 'supervisor';
}

export class ProviderCaseViewDto implements ProviderCaseView {
  @ApiProperty() caseId!: string;
  @ApiProperty({ example: 'CCM' }) programCode!: string;
  @ApiProperty({ enum: CASE_PHASES }) phase!: CasePhase;
  @ApiProperty({ enum: CASE_STATUSES }) status!: CaseStatus;
  @ApiProperty({ type: String, nullable: true }) careManagerId!: string | null;
  @ApiProperty({ example: 'cm-17' }) pointOfContact!: string;
  @ApiProperty({ type: String, nullable: true }) pcpId!: string | null;
  @ApiProperty({ type: Number, nullable: true }) activePlanVersion!: number | null;
  @ApiProperty({ type: [ProviderRequestItemView] }) providerRequests!: ProviderRequestItemView[];
  @ApiProperty({ type: HowToRequestChangeView }) howToRequestChange!: HowToRequestChangeView;
  @ApiProperty({ example: '/programs/CCM/information', description: "Where the program's information is." }) programInformation!: string;
  @ApiPropertyOptional({ type: TeamContactView, nullable: true, description: 'With a team:<teamId> point of contact: the team and its active members.' })
  pointOfContactTeam!: TeamContactView | null;
}

class PlanGoalSummaryView {
  @ApiProperty() id!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ format: 'date' }) targetDate!: string;
}

class PlanInterventionSummaryView {
  @ApiProperty() id!: string;
  @ApiProperty() description!: string;
  @ApiProperty() owner!: string;
}

class PlanReferralSummaryView {
  @ApiProperty() id!: string;
  @ApiProperty() specialty!: string;
}

export class PlanSummaryViewDto implements PlanSummaryView {
  @ApiProperty() version!: number;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) consentedAt!: string | null;
  @ApiProperty({ type: [PlanGoalSummaryView] }) goals!: PlanGoalSummaryView[];
  @ApiProperty({ type: [PlanInterventionSummaryView] }) interventions!: PlanInterventionSummaryView[];
  @ApiProperty({ type: [PlanReferralSummaryView] }) referrals!: PlanReferralSummaryView[];
}
