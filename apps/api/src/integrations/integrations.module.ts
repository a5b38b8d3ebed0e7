import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { DischargeAmendmentService } from './discharge-amendment.service';
import { DischargeIntakeService } from './discharge-intake.service';
import { EnrollmentIntakeService } from './enrollment-intake.service';
import { IntegrationsController } from './integrations.controller';
import { IntakeMemberService } from './intake-member.service';

/** Events from outside (API key): discharges (JSON, FHIR, HL7 v2) and enrollment batches, which start cases. */
@Module({
  imports: [CasesModule],
  controllers: [IntegrationsController],
  providers: [DischargeIntakeService, DischargeAmendmentService, EnrollmentIntakeService, IntakeMemberService],
})
export class IntegrationsModule {}
