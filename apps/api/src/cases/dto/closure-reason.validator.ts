import { IsIn } from 'class-validator';
import { DIRECT_CLOSURE_REASONS, directClosureRefusal } from '@careloop/domain';

/**
 * A closure reason a care team or supervisor may close with directly. A
 * flow-only reason (`provider_request`) is refused with the flow it must come
 * from; anything else with the allowed values.
 */
export function IsDirectClosureReason(): PropertyDecorator {
  return IsIn(DIRECT_CLOSURE_REASONS, {
    message: ({ property, value }) => directClosureRefusal(String(value)) ?? `${property} must be one of the following values: ${DIRECT_CLOSURE_REASONS.join(', ')}`,
  });
}
