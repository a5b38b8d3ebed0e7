/**
 * Field names whose values are PHI or may hold it (free text). A structured
 * log value under one of these keys, at any depth, is replaced before the
 * line is written. Names are compared case-insensitively.
 */
export const PHI_FIELD_NAMES = [
  'memberRef', 'member', 'name', 'firstName', 'lastName', 'fullName', 'dob', 'dateOfBirth', 'birthDate', 'address', 'phone', 'email',
  'ssn', 'mrn', 'text', 'note', 'notes', 'summary', 'detail', 'description', 'answers', 'plan', 'consent', 'justification', 'diagnosis',
  'enrollmentDate', 'input', 'args', 'result', 'payload', 'payloads', 'body', 'parameters', 'params',
] as const;

const PHI_KEYS = new Set(PHI_FIELD_NAMES.map((k) => k.toLowerCase()));
export const REDACTED = '[redacted]';
const MAX_DEPTH = 8;

/** A copy of `value` with every PHI field's value replaced; strings pass through redactText. */
export function redact(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') {
    return redactText(value);
  }
  if (value === null || typeof value !== 'object') {
    return value;
  }
  if (depth >= MAX_DEPTH) {
    return '[too deep]';
  }
  if (value instanceof Error) {
    // Error messages can quote input (a database error quotes the row): name and code only.
    return { error: value.name, ...('code' in value ? { code: String((value as { code: unknown }).code) } : {}) };
  }
  if (Array.isArray(value)) {
    return value.map((item) => redact(item, depth + 1));
  }
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    out[key] = PHI_KEYS.has(key.toLowerCase()) ? REDACTED : redact(inner, depth + 1);
  }
  return out;
}

/**
 * Known PHI-bearing shapes inside free text: Postgres quotes the offending
 * row in constraint errors ("Key (member_ref)=(M-123) already exists",
 * "Failing row contains (...)"), and drivers append the parameters.
 */
export function redactText(text: string): string {
  return text
    .replace(/(Key \([^)]*\)=\()[^)]*(\))/g, `$1${REDACTED}$2`)
    .replace(/(Failing row contains \().*(\))/g, `$1${REDACTED}$2`)
    .replace(/(PARAMETERS:\s*).*/g, `$1${REDACTED}`);
}
