import type { PipeTransform } from '@nestjs/common';
import { fieldError } from './api-error';

/** A path id checked before anything is read (400 naming the parameter), described for the OpenAPI document. */
export class ParseIdPipe implements PipeTransform<string, string> {
  constructor(
    private readonly pattern: RegExp,
    private readonly reason: string,
    readonly parameterSchema = { type: 'string', pattern: pattern.source } as const,
    private readonly field = 'id',
  ) {}

  transform(id: string): string {
    if (!this.pattern.test(id)) {
      throw fieldError(this.field, this.reason);
    }
    return id;
  }
}
