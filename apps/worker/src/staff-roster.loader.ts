import { readFileSync } from 'node:fs';
import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { E164_PATTERN, EMAIL_PATTERN, STAFF_ID_PATTERN, STAFF_ROLES } from '@careloop/domain';
import { StaffRosterRepository, type StaffMember } from '@careloop/persistence';
import { WORKER_CONFIG } from './worker.tokens';
import type { WorkerConfig } from './worker.config';

/**
 * Loads the staff roster file (CARELOOP_STAFF_FILE) into Postgres at start,
 * so assignment has care managers to choose from. A malformed roster stops
 * the worker with the entry named.
 */
@Injectable()
export class StaffRosterLoader implements OnApplicationBootstrap {
  constructor(
    @Inject(WORKER_CONFIG) private readonly config: WorkerConfig,
    private readonly roster: StaffRosterRepository,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.staffFile) {
      return;
    }
    const members = parseRoster(readFileSync(this.config.staffFile, 'utf8'), this.config.staffFile);
    await this.roster.upsert(members);
    new Logger('staff').log(`roster: ${members.length} staff member(s) loaded from ${this.config.staffFile}`);
  }
}

export function parseRoster(text: string, source: string): StaffMember[] {
  const parsed: unknown = JSON.parse(text);
  if (!Array.isArray(parsed)) {
    throw new Error(`${source}: the roster must be a JSON list of staff members`);
  }
  return parsed.map((m: Partial<StaffMember>, i) => {
    if (typeof m.id !== 'string' || !STAFF_ID_PATTERN.test(m.id)) {
      throw new Error(`${source}[${i}].id must be 1-64 letters, digits or "_.:@-"`);
    }
    if (typeof m.displayName !== 'string' || m.displayName.length === 0) {
      throw new Error(`${source}[${i}].displayName is required`);
    }
    if (!(STAFF_ROLES as readonly string[]).includes(m.role as string)) {
      throw new Error(`${source}[${i}].role must be one of ${STAFF_ROLES.join(', ')}`);
    }
    if (m.email != null && (typeof m.email !== 'string' || !EMAIL_PATTERN.test(m.email))) {
      throw new Error(`${source}[${i}].email must be an email address`);
    }
    if (m.phone != null && (typeof m.phone !== 'string' || !E164_PATTERN.test(m.phone))) {
      throw new Error(`${source}[${i}].phone must be an E.164 number such as +15551234567`);
    }
    return m as StaffMember;
  });
}
