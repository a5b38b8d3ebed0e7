import { createParamDecorator, type ExecutionContext, type PipeTransform } from '@nestjs/common';
import type { Request } from 'express';
import { MEMBER_ID_PATTERN } from '@careloop/contracts';
import { ApiError, fieldError } from '../common/api-error';
import { invalidMemberId } from './member-registry.service';

/** Rejects a malformed member id with 400 naming `id` before any lookup. */
export class ParseMemberIdPipe implements PipeTransform<string, string> {
  static readonly parameterSchema = { type: 'string', pattern: MEMBER_ID_PATTERN.source, example: 'mbr_0123456789abcdefghjkmnpqrs' } as const;

  transform(id: string): string {
    if (!MEMBER_ID_PATTERN.test(id)) throw invalidMemberId();
    return id;
  }
}

/** The version a member answer carries as its ETag (a strong validator: the record changes with every version). */
export function memberEtag(version: number): string {
  return `"${version}"`;
}

/** `"3"`, `W/"3"` or `3`: a member version as If-Match may name it. */
export const IF_MATCH_PATTERN = /^\s*(?:W\/)?"?([1-9][0-9]{0,8})"?\s*$/;

/**
 * The version `If-Match` names: `"3"` (what ETag gave), `W/"3"` or `3`.
 * Missing: 428 precondition_required (a full replace must say what it
 * replaces); malformed: 400 naming If-Match.
 */
export const IfMatchVersion = createParamDecorator((_: unknown, ctx: ExecutionContext): number => {
  const value = ctx.switchToHttp().getRequest<Request>().header('if-match');
  if (value === undefined || value.trim() === '') {
    throw new ApiError('precondition_required', 'PUT /members/:id needs If-Match with the version (ETag) it replaces.');
  }
  const match = IF_MATCH_PATTERN.exec(value);
  if (!match) throw fieldError('If-Match', 'If-Match must be the member\'s ETag, e.g. "3".');
  return Number(match[1]);
});
