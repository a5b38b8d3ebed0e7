import { z } from 'zod';
import type { ContactPreferences } from '@careloop/contracts';

/** A comma-separated list of identifier system URIs (empty: none). */
const systemList = z
  .string()
  .default('')
  .transform((s) => s.split(',').map((x) => x.trim()).filter((x) => x.length > 0))
  .pipe(z.array(z.string().regex(/^(https?:\/\/|urn:)\S+$/, 'must be comma-separated URIs (http(s)://… or urn:…)')).max(20));

/**
 * The identifier systems the plan trusts on `POST/PUT /fhir/Patient`
 * (docs/integrations.md, "FHIR routes"). An identifier in any other system is
 * refused naming its path, so a feed cannot smuggle in an unvetted id.
 */
export const fhirEnvSchema = z.object({
  /** The plan's member id system: written on Patients for plan ids recorded without one, and read as kind `plan`. */
  CARELOOP_FHIR_PLAN_SYSTEM: z.string().regex(/^(https?:\/\/|urn:)\S+$/, 'must be a URI (http(s)://… or urn:…)').default('https://careloop.example/fhir/plan-member-id'),
  /** State Medicaid id systems (comma-separated), read as kind `medicaid`. */
  CARELOOP_FHIR_MEDICAID_SYSTEMS: systemList,
  /** Further systems kept as kind `other` (comma-separated). */
  CARELOOP_FHIR_OTHER_SYSTEMS: systemList,
  /** Time zone of the contact preferences given to a Patient that carries none (IANA name). */
  CARELOOP_FHIR_DEFAULT_TIME_ZONE: z
    .string()
    .default('America/New_York')
    .refine((tz) => isTimeZone(tz), 'must be an IANA time zone such as America/Chicago'),
});

export interface FhirConfig {
  readonly planSystem: string;
  readonly medicaidSystems: readonly string[];
  readonly otherSystems: readonly string[];
  readonly defaultContactPreferences: ContactPreferences;
}

export function fhirConfigFrom(env: z.infer<typeof fhirEnvSchema>): FhirConfig {
  return {
    planSystem: env.CARELOOP_FHIR_PLAN_SYSTEM,
    medicaidSystems: env.CARELOOP_FHIR_MEDICAID_SYSTEMS,
    otherSystems: env.CARELOOP_FHIR_OTHER_SYSTEMS,
    defaultContactPreferences: { method: 'phone', windows: [], timeZone: env.CARELOOP_FHIR_DEFAULT_TIME_ZONE },
  };
}

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
