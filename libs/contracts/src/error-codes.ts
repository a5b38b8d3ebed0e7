/**
 * Stable error codes returned in RFC 9457 problem details (`code` member).
 * Clients switch on these, so a code is never renamed once released. The
 * HTTP status for each code is defined here and nowhere else.
 */
export const ERROR_CODES = {
  validation_failed: { status: 400, title: 'The request is not valid' },
  malformed_request: { status: 400, title: 'The request body could not be read' },
  unauthenticated: { status: 401, title: 'Authentication required' },
  forbidden: { status: 403, title: 'Not allowed' },
  /** A provider token whose `sub` is not an active entry of the provider directory (docs/security.md). */
  provider_not_in_directory: { status: 403, title: 'This provider is not in the provider directory' },
  not_found: { status: 404, title: 'No such resource' },
  case_not_found: { status: 404, title: 'No such case' },
  /** Every workflow's validator refusing an action (cases, reviews, complaints, discharges): the detail is its reason. */
  case_action_rejected: { status: 409, title: 'This action does not fit the current state' },
  /** The case, review, complaint or discharge has ended and takes no further actions. */
  case_closed: { status: 409, title: 'The case or process has ended' },
  review_not_found: { status: 404, title: 'No such utilization review' },
  complaint_not_found: { status: 404, title: 'No such complaint' },
  /** Retired (issue 15): reviews and complaints answer case_action_rejected / case_closed. Kept so the name is never reused. */
  action_rejected: { status: 409, title: 'This action does not fit the current state' },
  discharge_not_found: { status: 404, title: 'No such discharge' },
  /** Retired (issue 15): discharges answer case_action_rejected / case_closed. Kept so the name is never reused. */
  discharge_action_rejected: { status: 409, title: 'The discharge task cannot take this action now' },
  integration_event_conflict: { status: 409, title: 'This event id was already used for different content' },
  team_not_found: { status: 404, title: 'No such care team' },
  staff_not_found: { status: 404, title: 'No such staff member' },
  /** Not a message of the caller's inbox (another person's answers the same: messages are never shown across people). */
  inbox_message_not_found: { status: 404, title: 'No such message in your inbox' },
  /** `POST /teams` or `POST /staff` with an id already used for different content (the same content again answers 200). */
  team_conflict: { status: 409, title: 'This team id already exists with different content' },
  staff_conflict: { status: 409, title: 'This staff id already exists with different content' },
  /** The place this integration client is configured to send the plan member id in (HL7 PID-3 / IN1) holds none; nothing was stored. */
  integration_member_id_missing: { status: 422, title: 'The message does not carry the member id where this sender puts it' },
  integration_event_not_supported: { status: 422, title: 'This event is well-formed but is not one CareLoop acts on' },
  /** The member registry (issue 16). An unknown member and one the caller may not see answer the same. */
  member_not_found: { status: 404, title: 'No such member' },
  /** A case start (POST /cases, an intake row) naming a member the registry does not hold; `errors` names the field. */
  member_not_registered: { status: 422, title: 'The member is not registered' },
  member_plan_id_taken: { status: 409, title: 'This plan member id is registered to another member' },
  /** PUT /members/:id without If-Match: a full replace must say which version it replaces. */
  precondition_required: { status: 428, title: 'This request must be conditional (If-Match)' },
  member_version_mismatch: { status: 412, title: 'The member record changed since this version was read' },
  /** POST /members: this Idempotency-Key was used by the same caller for a different body. */
  idempotency_key_reused: { status: 422, title: 'This Idempotency-Key was already used for a different request' },
  /** POST /members: the first request with this Idempotency-Key is still being processed; retry shortly. */
  idempotency_request_in_progress: { status: 409, title: 'A request with this Idempotency-Key is still in progress' },
  duplicate_flag_not_found: { status: 404, title: 'No such duplicate flag' },
  duplicate_flag_resolved: { status: 409, title: 'This duplicate flag is already resolved otherwise' },
  /**
   * Consent by a representative the member's registry record does not support (errors name
   * `consent.representativeId`); nothing is recorded. Unknown: not a representative of the case's member.
   */
  consent_representative_unknown: { status: 422, title: 'This representative is not on the member record' },
  consent_representative_without_authority: { status: 422, title: 'This representative has no authority to consent to care plans' },
  consent_representative_not_in_force: { status: 422, title: "The representative's authority is not in force today" },
  /** Worklists (issue 17). An item of another team answers the same as an unknown one. */
  work_item_not_found: { status: 404, title: 'No such work item' },
  /** Claim or release of an item someone else holds (or that is not in a queue); the detail says who may act. */
  work_item_held: { status: 409, title: 'Someone else holds this work item' },
  work_item_closed: { status: 409, title: 'This work item is closed' },
  /** A claim of an item in a queue that is not the caller's (another role's queue). */
  work_item_wrong_queue: { status: 403, title: "This work item is not in the caller's queue" },
  /** Reassignment to someone who may not hold the item (inactive, another team, another role); `errors` names toStaffId. */
  work_item_assignee_invalid: { status: 422, title: 'This person cannot hold this work item' },
  method_not_allowed: { status: 405, title: 'Method not allowed' },
  payload_too_large: { status: 413, title: 'The request body is too large' },
  unsupported_media_type: { status: 415, title: 'Unsupported media type' },
  rate_limited: { status: 429, title: 'Too many requests' },
  temporal_unavailable: { status: 503, title: 'The workflow service is unavailable' },
  internal_error: { status: 500, title: 'Internal error' },
} as const satisfies Record<string, { status: number; title: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

/** One failing field of a request: where it is and why it was rejected. */
export interface FieldError {
  readonly field: string;
  readonly reason: string;
}

/** RFC 9457 problem details body as CareLoop sends it (`application/problem+json`). */
export interface ProblemDetails {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly code: ErrorCode;
  readonly instance?: string;
  readonly errors?: readonly FieldError[];
}
