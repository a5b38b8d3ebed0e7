import { ValidationPipe } from '@nestjs/common';
import { ValidationError, type ValidatorOptions } from 'class-validator';
import type { FieldError } from '@careloop/contracts';
import { fieldErrors } from './api-error';
import { validationRules, type DtoClass } from './validation-rules';

/** Flattens class-validator errors into `{ field, reason }` pairs, nested fields dotted. */
export function toFieldErrors(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((reason) => ({ field, reason }));
    return [...own, ...toFieldErrors(e.children ?? [], field)];
  });
}

/**
 * `@IsOptional()` lets null through like absence, but every optional DTO field
 * is typed `field?: T` and the code behind it never expects null (a null
 * `policyOverrides` was a 500). So null is refused wherever a field may only
 * be left out, at any depth of nested DTOs; required fields refuse it already.
 */
function nullWhereOptional(object: object): ValidationError[] {
  const rules = validationRules(object.constructor as DtoClass);
  const errors: ValidationError[] = [];
  for (const [property, value] of Object.entries(object)) {
    if (value === null && rules.get(property)?.optional) {
      errors.push(Object.assign(new ValidationError(), { property, value, constraints: { isNotNull: `${property} must be left out rather than null` }, children: [] }));
      continue;
    }
    const nested = (Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : [[null, value] as const]).flatMap(([index, v]) => {
      const inner = v !== null && typeof v === 'object' && v.constructor !== Object ? nullWhereOptional(v as object) : [];
      return index === null || inner.length === 0 ? inner : [Object.assign(new ValidationError(), { property: index, children: inner })];
    });
    if (nested.length) {
      errors.push(Object.assign(new ValidationError(), { property, children: nested }));
    }
  }
  return errors;
}

class EdgeValidationPipe extends ValidationPipe {
  protected override async validate(object: object, validatorOptions?: ValidatorOptions): Promise<ValidationError[]> {
    return [...nullWhereOptional(object), ...(await super.validate(object, validatorOptions))];
  }
}

/**
 * Whitelisting validation: unknown fields are rejected (not silently dropped),
 * so a typo in a field name is reported instead of ignored; optional fields
 * are left out, never null.
 */
export function createValidationPipe(): ValidationPipe {
  return new EdgeValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => fieldErrors(toFieldErrors(errors)),
  });
}
