import { randomUUID } from 'node:crypto';
import type { PipeTransform } from '@nestjs/common';
import { COMPLAINT_WORKFLOW_ID_PATTERN, UR_WORKFLOW_ID_PATTERN } from '@careloop/contracts';
import { fieldError } from './api-error';

/** Rejects a malformed review or complaint id with 400 before anything is asked of Temporal. */
export class ParseReviewIdPipe implements PipeTransform<string, string> {
  constructor(private readonly kind: 'ur' | 'complaint') {}

  get parameterSchema() {
    return { type: 'string', pattern: this.pattern().source, example: `${this.kind}-0123456789abcdef01234567` } as const;
  }

  private pattern(): RegExp {
    return this.kind === 'ur' ? UR_WORKFLOW_ID_PATTERN : COMPLAINT_WORKFLOW_ID_PATTERN;
  }

  transform(id: string): string {
    if (!this.pattern().test(id)) {
      throw fieldError('id', `id must be an id such as ${this.kind}-0123456789abcdef01234567`);
    }
    return id;
  }
}

/** The request key: the Idempotency-Key header, else the body's client request id, else a fresh one (no de-duplication). */
export function requestKey(header: string | undefined, clientRequestId: string | undefined): string {
  return header ?? clientRequestId ?? randomUUID();
}
