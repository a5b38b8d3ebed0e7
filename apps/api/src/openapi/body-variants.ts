import { applyDecorators, type Type } from '@nestjs/common';
import { ApiBody, ApiExtraModels, getSchemaPath, type SchemaObject } from '@nestjs/swagger';

/**
 * A request body whose required fields depend on one field's value (a DTO
 * with `@ValidateIf` rules): the DTO's schema, narrowed per value of
 * `field` to the fields that value requires. For a generated client that
 * is a tagged union; for the fuzzer, exactly what the validators accept.
 */
export function ApiBodyVariants<T>(model: Type<T>, field: keyof T & string, required: Readonly<Record<string, readonly (keyof T & string)[]>>) {
  const ref = { $ref: getSchemaPath(model) };
  const oneOf: SchemaObject[] = Object.entries(required).map(([value, fields]) => ({
    allOf: [ref, { properties: { [field]: { type: 'string', enum: [value] } }, ...(fields.length ? { required: [...fields] } : {}) }],
  }));
  return applyDecorators(ApiExtraModels(model), ApiBody({ schema: { oneOf } }));
}

/** A request body that must carry at least one of `fields`, each non-empty (a rule the handler checks). */
export function ApiBodyWithOneOf<T>(model: Type<T>, fields: readonly (keyof T & string)[]) {
  const anyOf: SchemaObject[] = fields.map((f) => ({ required: [f], properties: { [f]: { minItems: 1 } } }));
  return applyDecorators(ApiExtraModels(model), ApiBody({ schema: { allOf: [{ $ref: getSchemaPath(model) }], anyOf } }));
}
