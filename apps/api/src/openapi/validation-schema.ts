import { DECORATORS, type SchemaObject } from '@nestjs/swagger';
import type { DtoClass, PropertyRule } from '../common/validation-rules';

/** Applies a property's rule to its schema in the document (a property schema or a parameter's schema). */
export function constrain(schema: SchemaObject, rule: PropertyRule): void {
  const { pattern, ...keywords } = rule.schema;
  Object.assign(schema, keywords);
  if (pattern !== undefined && schema.pattern !== undefined && schema.pattern !== pattern) {
    // The property's own pattern (a rule no standard validator expresses) and the validator's both apply.
    schema.allOf = [...(schema.allOf ?? []), { pattern }];
  } else if (pattern !== undefined) {
    schema.pattern = pattern;
  }
  if (rule.format && schema.format === undefined) {
    schema.format = rule.format;
  }
  if (Object.keys(rule.items).length) {
    schema.items = { ...(schema.items as SchemaObject | undefined), ...rule.items };
  }
}

type Thunk = () => unknown;

/** A DTO class (not a thunk, not a primitive wrapper) whose properties are described for the document. */
function isModelClass(value: unknown): value is DtoClass {
  return typeof value === 'function' && value.prototype !== undefined && Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES_ARRAY, value.prototype) !== undefined;
}

function resolveType(type: unknown): unknown {
  const inner = Array.isArray(type) ? type[0] : type;
  return typeof inner === 'function' && inner.prototype === undefined ? resolveType((inner as Thunk)()) : inner;
}

/** `root` and every DTO class reachable from its properties (nested bodies such as a care plan's goals). */
export function modelClasses(root: unknown, seen: Set<DtoClass> = new Set()): Set<DtoClass> {
  if (!isModelClass(root) || seen.has(root)) {
    return seen;
  }
  seen.add(root);
  const props = (Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES_ARRAY, root.prototype) as string[]).map((p) => p.replace(/^:/, ''));
  for (const prop of props) {
    const meta = Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES, root.prototype, prop) as { type?: unknown } | undefined;
    modelClasses(resolveType(meta?.type), seen);
    modelClasses(Reflect.getMetadata('design:type', root.prototype, prop), seen);
  }
  return seen;
}
