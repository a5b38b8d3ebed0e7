import { Test } from '@nestjs/testing';
import type { INestApplication } from '@nestjs/common';
import { MeasureFactsRepository, MeasureSnapshotRepository } from '@careloop/persistence';
import type { OperationObject, ResponseObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { API_CONFIG } from '../../../apps/api/src/api.config';
import { buildOpenApiDocument } from '../../../apps/api/src/openapi/openapi.document';
import { PolicyRegistry } from '../../../apps/api/src/policies/policy-registry';
import { MeasureReportsService } from '../../../apps/api/src/reports/measure-reports.service';
import { ReportsController } from '../../../apps/api/src/reports/reports.controller';

describe('reports in the OpenAPI document', () => {
  let app: INestApplication;
  let paths: Record<string, Record<string, OperationObject>>;

  beforeAll(async () => {
    const module = await Test.createTestingModule({
      controllers: [ReportsController],
      providers: [
        MeasureReportsService,
        PolicyRegistry,
        { provide: API_CONFIG, useValue: { policyFile: undefined } },
        { provide: MeasureFactsRepository, useValue: {} },
        { provide: MeasureSnapshotRepository, useValue: {} },
      ],
    }).compile();
    app = module.createNestApplication();
    await app.init();
    paths = buildOpenApiDocument(app).paths as typeof paths;
  });

  afterAll(() => app?.close());

  const responses = (path: string) => paths[path]!.get!.responses as Record<string, ResponseObject>;

  it('declares each route, its query parameters, and JSON, CSV or FHIR success bodies; errors as problem details', () => {
    expect(Object.keys(paths).sort()).toEqual(['/reports/measures', '/reports/measures/{id}/fhir', '/reports/measures/{id}/members', '/reports/trends']);
    expect(Object.keys(responses('/reports/measures')['200']!.content!)).toEqual(['application/json', 'text/csv', 'application/fhir+json']);
    expect(Object.keys(responses('/reports/measures/{id}/members')['200']!.content!)).toEqual(['application/json', 'text/csv']);
    expect(Object.keys(responses('/reports/measures/{id}/fhir')['200']!.content!)).toEqual(['application/fhir+json', 'application/json']);
    expect(Object.keys(responses('/reports/trends')['200']!.content!)).toEqual(['application/json']);
    for (const path of Object.keys(paths)) {
      for (const [status, response] of Object.entries(responses(path))) {
        if (Number(status) >= 400) expect({ path, status, media: Object.keys(response.content ?? {}) }).toEqual({ path, status, media: ['application/problem+json'] });
      }
      expect(Object.keys(responses(path))).toEqual(expect.arrayContaining(['400', '429']));
    }
    const params = (path: string) => (paths[path]!.get!.parameters as { name: string; in: string; schema?: Record<string, unknown> }[]).map((p) => `${p.in}:${p.name}`).sort();
    expect(params('/reports/measures')).toEqual(['query:format', 'query:from', 'query:period', 'query:programCode', 'query:teamId', 'query:to']);
    expect(params('/reports/measures/{id}/members')).toEqual(['path:id', 'query:format', 'query:from', 'query:outcome', 'query:period', 'query:programCode', 'query:teamId', 'query:to']);
    expect(params('/reports/trends')).toEqual(['query:from', 'query:granularity', 'query:measureId', 'query:programCode', 'query:teamId', 'query:to']);
    const id = (paths['/reports/measures/{id}/members']!.get!.parameters as { name: string; schema: { enum?: string[] } }[]).find((p) => p.name === 'id')!;
    expect(id.schema.enum).toContain('screening_within_90_days');
  });
});
