/**
 * A program code names a care-management program (e.g. `CCM`, `BH-RECOVERY`).
 * Codes appear in workflow ids and search attributes, so they are restricted
 * to a short, PHI-free alphabet.
 */
export const PROGRAM_CODE_PATTERN = /^[A-Z][A-Z0-9_-]{1,31}$/;
