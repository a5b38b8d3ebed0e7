import type { OpenAPIObject, OperationObject, ParameterObject, ReferenceObject, SchemaObject } from '@nestjs/swagger';
import { IDEMPOTENCY_KEY_PATTERN } from '../cases/case-request';
import { NO_NUL_PATTERN } from '../common/body-shape.middleware';
import { parameterSchemaOf } from './parameter-schema';
import type { RouteMetadata } from './route-metadata';
import { validationRules, type DtoClass } from '../common/validation-rules';
import { constrain, modelClasses } from './validation-schema';

function isRef<T extends object>(s: T | ReferenceObject | undefined): s is ReferenceObject {
  return s !== undefined && '$ref' in s;
}

/** Headers read by custom parameter decorators (which the route metadata does not describe), by name. */
const HEADER_SCHEMAS: Record<string, SchemaObject> = {
  'Idempotency-Key': { type: 'string', pattern: IDEMPOTENCY_KEY_PATTERN.source },
};

function operationAt(document: OpenAPIObject, route: RouteMetadata): OperationObject | undefined {
  return document.paths[route.path]?.[route.method as 'get'];
}

/**
 * Makes the request side of the document exactly what the API accepts:
 * path and query parameters as their pipes and query DTOs check them, and
 * bodies as their DTOs' validators check them (lengths, patterns, ranges,
 * required fields, no unknown fields — the ValidationPipe forbids them).
 */
export function describeRequests(document: OpenAPIObject, routes: readonly RouteMetadata[]): void {
  const schemas = (document.components?.schemas ?? {}) as Record<string, SchemaObject | ReferenceObject>;
  const bodyModels = new Set<DtoClass>();
  for (const route of routes) {
    const operation = operationAt(document, route);
    if (!operation) {
      continue;
    }
    const parameters = (operation.parameters ?? []).filter((p): p is ParameterObject => !isRef(p));
    for (const header of parameters.filter((p) => p.in === 'header' && HEADER_SCHEMAS[p.name])) {
      header.schema = { ...(header.schema as SchemaObject), ...HEADER_SCHEMAS[header.name] };
    }
    for (const arg of route.args) {
      if (arg.source === 'body') {
        // The body DTO itself even without properties (EmptyDto), and every DTO nested in it.
        if (typeof arg.metatype === 'function' && arg.metatype !== Object) {
          bodyModels.add(arg.metatype as DtoClass);
        }
        modelClasses(arg.metatype).forEach((m) => bodyModels.add(m));
        continue;
      }
      const where = arg.source;
      if (arg.name !== undefined) {
        let param = parameters.find((p) => p.in === where && p.name === arg.name);
        if (!param) {
          // @nestjs/swagger drops a parameter whose emitted type is Object (an imported type alias under SWC).
          param = { name: arg.name, in: where, schema: { type: 'string' } };
          parameters.push(param);
          (operation.parameters ??= []).push(param);
        }
        const { schema, optional } = parameterSchemaOf(arg.pipes);
        param.schema = { ...(param.schema as SchemaObject), ...schema };
        param.required = where === 'path' || !optional;
        continue;
      }
      if (typeof arg.metatype === 'function') {
        const rules = validationRules(arg.metatype as DtoClass);
        for (const param of parameters.filter((p) => p.in === where)) {
          const rule = rules.get(param.name);
          const schema = (param.schema ??= {});
          if (rule && !isRef(schema)) {
            constrain(schema, rule);
            param.required = !rule.optional && !rule.conditional;
          }
        }
      }
    }
  }
  for (const model of bodyModels) {
    const schema = schemas[model.name];
    if (schema && !isRef(schema)) {
      constrainModel(schema, validationRules(model));
    }
  }
  for (const route of routes) {
    const body = operationAt(document, route)?.requestBody;
    const bodySchema = body && !isRef(body) ? body.content['application/json']?.schema : undefined;
    if (body && !isRef(body) && isRef(bodySchema)) {
      // An empty POST validates like {} (body-shape middleware): a body is only needed when some field is.
      const model = schemas[bodySchema.$ref.split('/').pop()!];
      body.required = model !== undefined && !isRef(model) && (model.required?.length ?? 0) > 0;
    }
  }
}

function constrainModel(schema: SchemaObject, rules: ReturnType<typeof validationRules>): void {
  const properties = (schema.properties ?? {}) as Record<string, SchemaObject | ReferenceObject>;
  const required: string[] = [];
  for (const [name, property] of Object.entries(properties)) {
    const rule = rules.get(name);
    if (!rule) {
      continue;
    }
    if (!rule.optional && !rule.conditional) {
      required.push(name);
    }
    if (!isRef(property)) {
      constrain(property, rule);
      // Free text: anything but NUL, which the body-shape middleware refuses in every body.
      if (property.type === 'string' && property.pattern === undefined && property.enum === undefined && property.format === undefined) {
        property.pattern = NO_NUL_PATTERN;
      }
    }
  }
  if (required.length) {
    schema.required = required;
  } else {
    delete schema.required;
  }
  // whitelist + forbidNonWhitelisted: a field the DTO does not declare is a 400.
  schema.additionalProperties ??= false;
}
