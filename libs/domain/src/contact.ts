/** How the care team reaches a member (outreach attempts, regular contacts). */
export const CONTACT_CHANNELS = ['phone', 'sms', 'letter', 'portal'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

/** Outcomes the care team records for an outreach attempt; `timed_out` is recorded by the workflow itself. */
export const CONTACT_OUTCOMES = ['reached', 'no_answer', 'wrong_number', 'declined'] as const;
export type ContactOutcome = (typeof CONTACT_OUTCOMES)[number];
export type AttemptOutcome = ContactOutcome | 'timed_out';

