import { ValidationPipe, type ValidationError } from '@nestjs/common';
import type { FieldError } from '@careloop/contracts';
import { ApiError } from './api-error';

/** Flattens class-validator errors into `{ field, reason }` pairs, nested fields dotted. */
export function toFieldErrors(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((reason) => ({ field, reason }));
    return [...own, ...toFieldErrors(e.children ?? [], field)];
  });
}

/**
 * Whitelisting validation: unknown fields are rejected (not silently dropped),
 * so a typo in a field name is reported instead of ignored.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => {
      const fieldErrors = toFieldErrors(errors);
      const fields = [...new Set(fieldErrors.map((f) => f.field))].join(', ');
      return new ApiError('validation_failed', `Invalid field(s): ${fields}`, fieldErrors);
    },
  });
}
