import type { SchemaObject } from '@nestjs/swagger';
import {
  ARRAY_MAX_SIZE,
  ARRAY_MIN_SIZE,
  ARRAY_UNIQUE,
  getMetadataStorage,
  IS_ARRAY,
  IS_BASE64,
  IS_BOOLEAN,
  IS_IN,
  IS_INT,
  IS_ISO8601,
  IS_LENGTH,
  IS_NUMBER,
  IS_OBJECT,
  IS_STRING,
  MATCHES,
  MAX,
  MAX_LENGTH,
  MIN,
  MIN_LENGTH,
  ValidationTypes,
} from 'class-validator';

/** What the validators of one DTO property accept, in JSON Schema terms. */
export interface PropertyRule {
  /** `@IsOptional()`: may be left out (null is refused by the ValidationPipe, common/validation.ts). */
  readonly optional: boolean;
  /** `@ValidateIf(...)`: required or not depending on other fields (not expressible here). */
  readonly conditional: boolean;
  readonly schema: SchemaObject;
  /** Constraints with `{ each: true }`: they apply to each element of the array. */
  readonly items: SchemaObject;
  /** A format the validator implies (ISO 8601, base64), used where the property names none. */
  readonly format: string | undefined;
}

type Constraints = readonly unknown[];

/** validator.js's strict ISO 8601 refuses years 0000-0099 (Date maps them to 19xx), which format date-time allows. */
const ISO8601_YEAR = '^(?:0[1-9]|[1-9][0-9])[0-9]{2}-';

/** class-validator decorator names → the JSON Schema keywords that accept exactly what they accept. */
const KEYWORDS: Record<string, (c: Constraints) => SchemaObject> = {
  [IS_STRING]: () => ({ type: 'string' }),
  [IS_BOOLEAN]: () => ({ type: 'boolean' }),
  [IS_INT]: () => ({ type: 'integer' }),
  [IS_NUMBER]: () => ({ type: 'number' }),
  [IS_ARRAY]: () => ({ type: 'array' }),
  [IS_OBJECT]: () => ({ type: 'object' }),
  [IS_IN]: (c) => ({ enum: [...(c[0] as unknown[])] }),
  [IS_LENGTH]: (c) => ({ ...(typeof c[0] === 'number' ? { minLength: c[0] } : {}), ...(typeof c[1] === 'number' ? { maxLength: c[1] } : {}) }),
  [MIN_LENGTH]: (c) => ({ minLength: c[0] as number }),
  [MAX_LENGTH]: (c) => ({ maxLength: c[0] as number }),
  [MIN]: (c) => ({ minimum: c[0] as number }),
  [MAX]: (c) => ({ maximum: c[0] as number }),
  [ARRAY_MIN_SIZE]: (c) => ({ minItems: c[0] as number }),
  [ARRAY_MAX_SIZE]: (c) => ({ maxItems: c[0] as number }),
  [ARRAY_UNIQUE]: () => ({ uniqueItems: true }),
  [MATCHES]: (c) => patternOf(c[0], c[1]),
  [IS_ISO8601]: () => ({ pattern: ISO8601_YEAR }),
};

/** Formats are only added where the property names none (an explicit `format: 'date'` stays). */
const FORMATS: Record<string, string> = { [IS_ISO8601]: 'date-time', [IS_BASE64]: 'byte' };

/** A JavaScript RegExp as a JSON Schema pattern; a flagged one (/i, /u…) has no equivalent and is left out. */
function patternOf(pattern: unknown, modifiers: unknown): SchemaObject {
  if (pattern instanceof RegExp) {
    return pattern.flags ? {} : { pattern: pattern.source };
  }
  return typeof pattern === 'string' && !modifiers ? { pattern } : {};
}

/**
 * The rules of every validated property of `target` (its own and inherited
 * decorators), read from class-validator's metadata: the validators the
 * ValidationPipe runs are the one source of truth, and the document is
 * derived from them rather than restated next to them.
 */
/** A DTO class as decorator metadata knows it. */
export type DtoClass = abstract new (...args: never[]) => unknown;

export function validationRules(target: DtoClass): Map<string, PropertyRule> {
  const storage = getMetadataStorage();
  const rules = new Map<string, { -readonly [K in keyof PropertyRule]: PropertyRule[K] }>();
  for (const meta of storage.getTargetValidationMetadatas(target, '', true, false)) {
    const rule = rules.get(meta.propertyName) ?? { optional: false, conditional: false, schema: {}, items: {}, format: undefined };
    rules.set(meta.propertyName, rule);
    if (meta.type === ValidationTypes.CONDITIONAL_VALIDATION) {
      if (meta.name === 'isOptional') {
        rule.optional = true;
      } else {
        rule.conditional = true;
      }
      continue;
    }
    if (meta.type !== ValidationTypes.CUSTOM_VALIDATION) {
      continue;
    }
    const name = storage.getTargetValidatorConstraints(meta.constraintCls)[0]?.name ?? '';
    const into = meta.each ? rule.items : rule.schema;
    Object.assign(into, KEYWORDS[name]?.(meta.constraints ?? []) ?? {});
    if (!meta.each) {
      rule.format ??= FORMATS[name];
    }
  }
  return rules;
}
