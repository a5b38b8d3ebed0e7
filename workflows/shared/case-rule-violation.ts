import { ApplicationFailure } from '@temporalio/workflow';
import { CASE_RULE_VIOLATION } from '@careloop/contracts';

/**
 * A care-team action that does not fit the case's state. Thrown by update
 * validators (the update is rejected and never reaches history) and, as a
 * non-retryable ApplicationFailure, safe to throw from a handler too: it
 * fails the update, not the workflow task.
 */
export class CaseRuleViolation extends ApplicationFailure {
  constructor(reason: string) {
    super(reason, CASE_RULE_VIOLATION, true);
  }
}
