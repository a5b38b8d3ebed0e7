import { Injectable, Logger } from '@nestjs/common';
import type { MemberView } from '@careloop/contracts';
import { CaseReadRepository } from '@careloop/persistence';
import { TemporalGateway } from '../temporal/temporal.gateway';
import { sendContactPreference } from './member-contact';

/**
 * Tells the member's open cases that the record was replaced (PUT /members/:id, PUT /fhir/Patient/:id),
 * so their next outreach attempt follows the member's current contact preference. The case ignores a
 * preference equal to the one it has, so sending after every replace is harmless.
 */
@Injectable()
export class MemberContactNotifier {
  private readonly logger = new Logger('member-contact');

  constructor(
    private readonly cases: CaseReadRepository,
    private readonly temporal: TemporalGateway,
  ) {}

  afterReplace(member: MemberView): Promise<string[]> {
    return sendContactPreference(member, { cases: this.cases, temporal: this.temporal, logger: this.logger });
  }
}
