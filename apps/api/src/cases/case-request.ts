import { createParamDecorator, type ExecutionContext, type PipeTransform } from '@nestjs/common';
import type { Request } from 'express';
import { CASE_WORKFLOW_ID_PATTERN } from '@careloop/contracts';
import { fieldError, invalidCaseId } from '../common/api-error';
import { PLAN_ITEM_ID } from './dto/care-plan.dto';

/** Rejects a malformed case id with 400 before anything is asked of Temporal. */
export class ParseCaseIdPipe implements PipeTransform<string, string> {
  static readonly parameterSchema = { type: 'string', pattern: CASE_WORKFLOW_ID_PATTERN.source, example: 'case-ccm-0123456789abcdef01234567' } as const;

  transform(id: string): string {
    if (!CASE_WORKFLOW_ID_PATTERN.test(id)) {
      throw invalidCaseId();
    }
    return id;
  }
}

/** A goal id as plans write them; which goals exist is the workflow's to say (409). */
export class ParseGoalIdPipe implements PipeTransform<string, string> {
  static readonly parameterSchema = { type: 'string', pattern: PLAN_ITEM_ID.source, example: 'g1' } as const;

  transform(id: string): string {
    if (!PLAN_ITEM_ID.test(id)) {
      throw fieldError('goalId', 'goalId must be 1-32 letters, digits, "_" or "-"');
    }
    return id;
  }
}

export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9_.:-]{1,100}$/;

/** The `Idempotency-Key` header, if sent: a repeated request with the same key applies once. */
export const IdempotencyKey = createParamDecorator((_: unknown, ctx: ExecutionContext): string | undefined => {
  const value = ctx.switchToHttp().getRequest<Request>().header('idempotency-key');
  if (value !== undefined && !IDEMPOTENCY_KEY_PATTERN.test(value)) {
    throw fieldError('Idempotency-Key', 'Idempotency-Key must be 1-100 letters, digits, "_", ".", ":" or "-"');
  }
  return value;
});
