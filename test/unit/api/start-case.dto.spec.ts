import type { ArgumentMetadata } from '@nestjs/common';
import { createValidationPipe } from '../../../apps/api/src/common/validation';
import { ApiError } from '../../../apps/api/src/common/api-error';
import { StartCaseDto } from '../../../apps/api/src/cases/dto/start-case.dto';

const meta: ArgumentMetadata = { type: 'body', metatype: StartCaseDto, data: '' };
const valid = { memberRef: 'M-000123', programCode: 'CCM', enrollmentDate: '2026-11-01' };

async function fieldsRejected(body: unknown): Promise<string[]> {
  try {
    await createValidationPipe().transform(body, meta);
  } catch (err) {
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).code).toBe('validation_failed');
    return [...new Set((err as ApiError).errors!.map((e) => e.field))];
  }
  return [];
}

describe('StartCaseDto validation', () => {
  it('accepts a valid body', async () => {
    expect(await fieldsRejected(valid)).toEqual([]);
  });

  it.each([
    ['memberRef', { ...valid, memberRef: '' }],
    ['memberRef', { ...valid, memberRef: 'x'.repeat(65) }],
    ['memberRef', { ...valid, memberRef: "M1'; DROP TABLE cases;--" }],
    ['memberRef', { ...valid, memberRef: 12345 }],
    ['programCode', { ...valid, programCode: 'ccm' }],
    ['programCode', { ...valid, programCode: 'C' }],
    ['enrollmentDate', { ...valid, enrollmentDate: '2026-02-30' }],
    ['enrollmentDate', { ...valid, enrollmentDate: '2026-11-01T00:00:00Z' }],
    ['enrollmentDate', { ...valid, enrollmentDate: '11/01/2026' }],
    ['enrollmentDate', { ...valid, enrollmentDate: '1850-01-01' }],
    ['unexpected', { ...valid, unexpected: true }],
  ])('rejects a bad %s', async (field, body) => {
    expect(await fieldsRejected(body)).toEqual([field]);
  });

  it('names every missing field', async () => {
    expect(await fieldsRejected({})).toEqual(['memberRef', 'programCode', 'enrollmentDate']);
  });
});
