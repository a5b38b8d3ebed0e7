import type { ArgumentMetadata } from '@nestjs/common';
import { createValidationPipe } from '../../../apps/api/src/common/validation';
import { ApiError } from '../../../apps/api/src/common/api-error';
import { StartCaseDto } from '../../../apps/api/src/cases/dto/start-case.dto';
import { SubmitAssessmentDto } from '../../../apps/api/src/cases/dto/answers.dto';
import { assessmentAnswers } from '../../support/case-fixtures';

async function errorsOf(metatype: ArgumentMetadata['metatype'], body: unknown) {
  try {
    await createValidationPipe().transform(body, { type: 'body', metatype, data: '' });
  } catch (err) {
    expect(err).toBeInstanceOf(ApiError);
    return (err as ApiError).errors ?? [];
  }
  return [];
}

/**
 * @IsOptional() lets null through like absence; the code behind optional fields never expects null
 * (policyOverrides: null was a 500, found by the OpenAPI fuzzer), so the pipe refuses it, at any depth.
 */
describe('ValidationPipe: optional fields are left out, never null', () => {
  const start = { memberRef: 'M-000123', programCode: 'CCM', enrollmentDate: '2026-11-01' };

  it('refuses null for an optional top-level field and names it', async () => {
    expect(await errorsOf(StartCaseDto, { ...start, policyOverrides: null })).toEqual([{ field: 'policyOverrides', reason: 'policyOverrides must be left out rather than null' }]);
    expect(await errorsOf(StartCaseDto, start)).toEqual([]);
  });

  it('refuses null for an optional field of a nested DTO, with its dotted path', async () => {
    const answers = assessmentAnswers('low') as unknown as { behavioral: Record<string, unknown> };
    const withNull = { answers: { ...answers, behavioral: { ...answers.behavioral, phq9Score: null } } };
    expect(await errorsOf(SubmitAssessmentDto, withNull)).toEqual([{ field: 'answers.behavioral.phq9Score', reason: 'phq9Score must be left out rather than null' }]);
    const { phq9Score: _left, ...without } = answers.behavioral;
    expect(await errorsOf(SubmitAssessmentDto, { answers: { ...answers, behavioral: without } })).toEqual([]);
  });

  it('leaves null in a required field to that field’s own validators', async () => {
    const errors = await errorsOf(StartCaseDto, { ...start, memberRef: null });
    expect(errors.map((e) => e.field)).toEqual(expect.arrayContaining(['memberRef']));
    expect(errors.some((e) => e.reason.includes('left out'))).toBe(false);
  });
});
