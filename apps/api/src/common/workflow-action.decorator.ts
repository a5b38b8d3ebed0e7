import { applyDecorators, HttpCode, HttpStatus, Post, type Type } from '@nestjs/common';
import { ApiConflictResponse, ApiHeader, ApiNotFoundResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { Access } from '../auth/access.decorator';
import type { Permission } from '../auth/access-policy';

export interface WorkflowActionRoute {
  /** The endpoint family the access guard decides on (it also declares 401/403 and the scope's hiding 404). */
  readonly access: Permission;
  readonly summary: string;
  /** What the action answers (200): the update's result view. */
  readonly answer: Type<unknown>;
  /** The 409: when the workflow refuses the action (its validator) or has ended (TemporalGateway.runUpdate). */
  readonly conflict?: string;
  /** The 404 of a family the guard does not scope (complaints, discharges): the workflow is unknown. */
  readonly notFound?: string;
  /** How this family words the Idempotency-Key header. */
  readonly idempotency?: string;
}

const ACTS_ONCE = 'Send the same key again to get the first answer instead of acting twice.';
const REFUSED = 'The case cannot take this action now; the detail says why.';

/**
 * A POST route that runs an action as a workflow update: 200 with the
 * update's answer, the Idempotency-Key header (the update id), and the 409
 * every update can answer. One decorator instead of the six every action
 * route repeated, so none forgets its 409.
 *
 * Listed in reverse: applyDecorators applies them in order, stacked
 * decorators bottom-up, and where two declare the same status the one
 * applied last wins (the guard's hiding 404 over the route's own).
 */
export function WorkflowAction(path: string, route: WorkflowActionRoute): MethodDecorator {
  return applyDecorators(
    ApiConflictResponse({ description: route.conflict ?? REFUSED }),
    ...(route.notFound ? [ApiNotFoundResponse({ description: route.notFound })] : []),
    ApiOkResponse({ type: route.answer }),
    ApiOperation({ summary: route.summary }),
    ApiHeader({ name: 'Idempotency-Key', required: false, description: route.idempotency ?? ACTS_ONCE }),
    HttpCode(HttpStatus.OK),
    Access(route.access),
    Post(path),
  );
}
