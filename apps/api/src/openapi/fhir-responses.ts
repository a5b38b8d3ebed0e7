import type { OpenAPIObject, OperationObject, ParameterObject, SchemaObject } from '@nestjs/swagger';
import { MEMBER_ID_PATTERN } from '@careloop/contracts';
import { FHIR_JSON } from '../fhir/operation-outcome';

/** FHIR resources as the document describes them: the resourceType and the common elements; FHIR R4 defines the rest. */
const RESOURCE = (type: string, extra: Record<string, SchemaObject> = {}): SchemaObject => ({
  type: 'object',
  required: ['resourceType'],
  properties: {
    resourceType: { type: 'string', enum: [type] },
    id: { type: 'string' },
    meta: { type: 'object', additionalProperties: true, properties: { versionId: { type: 'string' }, profile: { type: 'array', items: { type: 'string' } } } },
    ...extra,
  },
  additionalProperties: true,
});

const SCHEMAS: Record<string, SchemaObject> = {
  FhirPatient: RESOURCE('Patient'),
  FhirCarePlanBundle: RESOURCE('Bundle', {
    type: { type: 'string', enum: ['searchset'] },
    total: { type: 'integer' },
    entry: { type: 'array', items: { type: 'object', additionalProperties: true, properties: { fullUrl: { type: 'string' }, resource: { type: 'object', additionalProperties: true, properties: { resourceType: { type: 'string', enum: ['CarePlan'] } } } } } },
  }),
  FhirOperationOutcome: RESOURCE('OperationOutcome', {
    issue: {
      type: 'array',
      items: {
        type: 'object',
        required: ['severity', 'code'],
        properties: { severity: { type: 'string' }, code: { type: 'string' }, diagnostics: { type: 'string' }, expression: { type: 'array', items: { type: 'string' } } },
      },
    },
  }),
};

const ref = (name: string) => ({ schema: { $ref: `#/components/schemas/${name}` } });

/**
 * The /fhir routes speak application/fhir+json (FhirController): success
 * bodies are FHIR resources, every error an OperationOutcome (FhirOutcomeFilter),
 * request bodies are read as application/fhir+json or application/json.
 * Runs after describeProblemResponses, replacing the problem-details bodies it gave.
 */
export function describeFhirResponses(document: OpenAPIObject): void {
  document.components ??= {};
  document.components.schemas = { ...document.components.schemas, ...SCHEMAS };
  for (const [path, item] of Object.entries(document.paths)) {
    if (!path.startsWith('/fhir/')) continue;
    for (const method of ['get', 'post', 'put'] as const) {
      const operation = item[method] as OperationObject | undefined;
      if (!operation) continue;
      const success = path === '/fhir/CarePlan' ? 'FhirCarePlanBundle' : 'FhirPatient';
      for (const [status, response] of Object.entries(operation.responses)) {
        if (!response || '$ref' in response) continue;
        if (status.startsWith('2')) response.content = { [FHIR_JSON]: ref(success) };
        else if (Number(status) >= 400) response.content = { [FHIR_JSON]: ref('FhirOperationOutcome') };
      }
      if (method === 'post' || method === 'put') {
        operation.requestBody = { required: true, content: { [FHIR_JSON]: ref('FhirPatient'), 'application/json': ref('FhirPatient') } };
      }
      if (method === 'put') {
        operation.responses['412'] = { description: 'If-Match names a version older than the stored one: read the Patient again.', content: { [FHIR_JSON]: ref('FhirOperationOutcome') } };
        operation.responses['428'] = { description: 'If-Match is missing.', content: { [FHIR_JSON]: ref('FhirOperationOutcome') } };
      }
      if (method === 'post' || method === 'put') {
        operation.responses['409'] = { description: 'The plan member id is registered to another member.', content: { [FHIR_JSON]: ref('FhirOperationOutcome') } };
      }
      for (const p of (operation.parameters ?? []) as ParameterObject[]) {
        if (p.in === 'path' && p.name === 'id') p.schema = { type: 'string', pattern: MEMBER_ID_PATTERN.source, example: 'mbr_0123456789abcdefghjkmnpqrs' };
        if (p.in === 'query' && p.name === 'patient') p.schema = { type: 'string', example: 'Patient/mbr_0123456789abcdefghjkmnpqrs' };
        if (p.in === 'header' && p.name === 'If-Match') p.schema = { type: 'string', example: 'W/"1"' };
      }
    }
  }
}
