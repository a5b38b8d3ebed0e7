import { DefaultFailureConverter, defaultPayloadConverter, ApplicationFailure } from '@temporalio/common';
import { JsonLogger, redact, redactText, REDACTED } from '@careloop/observability';
import { failureConverter } from '../../../libs/temporal/src/failure-converter';

describe('log redaction', () => {
  it('replaces PHI fields at any depth and keeps the rest', () => {
    expect(
      redact({ caseId: 'case-ccm-1', memberRef: 'M-1', nested: { Summary: 'chest pain', items: [{ text: 'Jane', kind: 'note' }] }, count: 3 }),
    ).toEqual({ caseId: 'case-ccm-1', memberRef: REDACTED, nested: { Summary: REDACTED, items: [{ text: REDACTED, kind: 'note' }] }, count: 3 });
  });

  it('removes the row values Postgres and drivers quote in errors', () => {
    expect(redactText('duplicate key value violates unique constraint "pk" Key (member_ref, program)=(M-123, CCM) already exists.')).toBe(
      `duplicate key value violates unique constraint "pk" Key (member_ref, program)=(${REDACTED}) already exists.`,
    );
    expect(redactText('new row violates check constraint; Failing row contains (M-9, Jane Roe, 1950-01-01).')).toBe(`new row violates check constraint; Failing row contains (${REDACTED}).`);
    expect(redactText('query failed -- PARAMETERS: ["M-1","Jane"]')).toBe(`query failed -- PARAMETERS: ${REDACTED}`);
  });

  it('logs errors by name and code only (their messages may quote data)', () => {
    const lines: string[] = [];
    new JsonLogger((l) => lines.push(l), 'verbose').error({ failure: Object.assign(new Error('M-77 not found'), { code: '23505' }) }, 'db');
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain('M-77');
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 'error', source: 'db', data: { failure: { error: 'Error', code: '23505' } } });
  });

  it('writes one JSON object per line with level, source and time, and honours the level', () => {
    const lines: string[] = [];
    const logger = new JsonLogger((l) => lines.push(l), 'log');
    logger.log('worker started', 'worker');
    logger.debug('noise', 'worker');
    expect(lines.map((l) => JSON.parse(l))).toEqual([{ time: expect.any(String), level: 'info', source: 'worker', msg: 'worker started' }]);
  });
});

describe('failure converter', () => {
  it('moves failure messages and stacks into an encoded payload (which the payload codec encrypts)', () => {
    const failure = failureConverter.errorToFailure(ApplicationFailure.nonRetryable('member M-55 refused'), defaultPayloadConverter);
    expect(failure.message).toBe('Encoded failure');
    expect(failure.stackTrace).toBe('');
    expect(Buffer.from(failure.encodedAttributes!.data!).toString()).toContain('M-55');
    // Any side decodes it back, with or without the option.
    expect(new DefaultFailureConverter().failureToError(failure, defaultPayloadConverter).message).toBe('member M-55 refused');
  });
});
