import { DefaultValuePipe, ParseIntPipe } from '@nestjs/common';
import type { SchemaObject } from '@nestjs/swagger';
import type { RouteArgument } from './route-metadata';

/**
 * A pipe that says, for the OpenAPI document, which values it lets through
 * (e.g. the case-id pattern of ParseCaseIdPipe). A static property on a pipe
 * class, or an instance property on a configured pipe instance.
 */
export interface DescribedPipe {
  readonly parameterSchema: SchemaObject;
}

function describes(pipe: unknown): pipe is DescribedPipe {
  return (typeof pipe === 'function' || (typeof pipe === 'object' && pipe !== null)) && typeof (pipe as Partial<DescribedPipe>).parameterSchema === 'object';
}

/** What a path or query parameter accepts after its pipes, and whether it may be left out (a default applies). */
export function parameterSchemaOf(pipes: RouteArgument['pipes']): { schema: SchemaObject; optional: boolean } {
  const schema: SchemaObject = {};
  let optional = false;
  for (const pipe of pipes) {
    if (pipe instanceof DefaultValuePipe) {
      optional = true;
      schema.default = (pipe as unknown as { defaultValue: unknown }).defaultValue;
    } else if (pipe === ParseIntPipe || pipe instanceof ParseIntPipe) {
      schema.type = 'integer';
    } else if (describes(pipe)) {
      Object.assign(schema, pipe.parameterSchema);
    }
  }
  return { schema, optional };
}
