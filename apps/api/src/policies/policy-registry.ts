import { readFileSync } from 'node:fs';
import { Inject, Injectable } from '@nestjs/common';
import {
  resolveProgramInformation,
  resolveProgramPolicy,
  resolveReviewPolicy,
  type PolicyOverrides,
  type ProgramInformation,
  type ProgramPolicy,
  type ReviewPolicy,
} from '@careloop/domain';
import { API_CONFIG, type ApiConfig } from '../api.config';

interface PolicyEntry {
  readonly version: string;
  readonly overrides: PolicyOverrides;
  /** What providers are told about the program (optional; CareLoop's defaults otherwise). */
  readonly information?: unknown;
}

interface PolicyFile {
  readonly programs: Record<string, PolicyEntry>;
  /** Utilization review and complaint deadlines (optional; seed defaults otherwise). */
  readonly reviews?: PolicyEntry;
}

/**
 * The configured program policies (CARELOOP_POLICY_FILE), checked at boot:
 * a bad entry stops the API with the program and field named. New cases get
 * their program's entry (or "*"), plus any overrides of the start request.
 */
@Injectable()
export class PolicyRegistry {
  private readonly programs: PolicyFile['programs'];
  /** Resolved once at boot: every review and complaint started gets this policy (and keeps it). */
  readonly reviews: ReviewPolicy;

  constructor(@Inject(API_CONFIG) config: ApiConfig) {
    const file = config.policyFile ? loadPolicyFile(config.policyFile) : { programs: {} };
    this.programs = file.programs;
    for (const code of Object.keys(this.programs)) {
      this.resolve(code === '*' ? 'ANY' : code);
      const { problems } = resolveProgramInformation(this.programs[code]?.information, `programs.${code}.information`);
      if (problems.length) {
        throw new Error(`CARELOOP_POLICY_FILE: ${problems.join('; ')}`);
      }
    }
    this.reviews = resolveReviewPolicy(file.reviews);
  }

  /** The program's information for providers (seed 000): its own entry, else "*", else the defaults. */
  information(programCode: string): ProgramInformation {
    const entry = this.programs[programCode] ?? this.programs['*'];
    return resolveProgramInformation(entry?.information, `programs.${programCode}.information`).information;
  }

  /** A program's caseload cap per care manager (seed 001: 100); without a program, the "*" entry's (else the default). */
  caseloadCap(programCode = '*'): number {
    return this.resolve(programCode).caseloadCap;
  }

  resolve(programCode: string, caseOverrides?: PolicyOverrides): ProgramPolicy {
    return resolveProgramPolicy(programCode, this.programs[programCode] ?? this.programs['*'], caseOverrides);
  }
}

function loadPolicyFile(path: string): PolicyFile {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new Error(`CARELOOP_POLICY_FILE ${path} cannot be read as JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  const programs = (parsed as Partial<PolicyFile>).programs;
  if (typeof programs !== 'object' || programs === null) {
    throw new Error(`CARELOOP_POLICY_FILE ${path} must have a "programs" object`);
  }
  for (const [code, entry] of Object.entries(programs)) {
    if (typeof entry?.version !== 'string' || typeof entry.overrides !== 'object') {
      throw new Error(`CARELOOP_POLICY_FILE ${path}: programs.${code} needs a "version" string and an "overrides" object`);
    }
  }
  const reviews = (parsed as Partial<PolicyFile>).reviews;
  if (reviews !== undefined && (typeof reviews?.version !== 'string' || typeof reviews.overrides !== 'object')) {
    throw new Error(`CARELOOP_POLICY_FILE ${path}: reviews needs a "version" string and an "overrides" object`);
  }
  return { programs, reviews };
}
