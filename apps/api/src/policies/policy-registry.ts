import { readFileSync } from 'node:fs';
import { Inject, Injectable } from '@nestjs/common';
import { resolveProgramPolicy, type PolicyOverrides, type ProgramPolicy } from '@careloop/domain';
import { API_CONFIG, type ApiConfig } from '../api.config';

interface PolicyFile {
  readonly programs: Record<string, { readonly version: string; readonly overrides: PolicyOverrides }>;
}

/**
 * The configured program policies (CARELOOP_POLICY_FILE), checked at boot:
 * a bad entry stops the API with the program and field named. New cases get
 * their program's entry (or "*"), plus any overrides of the start request.
 */
@Injectable()
export class PolicyRegistry {
  private readonly programs: PolicyFile['programs'];

  constructor(@Inject(API_CONFIG) config: ApiConfig) {
    this.programs = config.policyFile ? loadPolicyFile(config.policyFile) : {};
    for (const code of Object.keys(this.programs)) {
      this.resolve(code === '*' ? 'ANY' : code);
    }
  }

  resolve(programCode: string, caseOverrides?: PolicyOverrides): ProgramPolicy {
    return resolveProgramPolicy(programCode, this.programs[programCode] ?? this.programs['*'], caseOverrides);
  }
}

function loadPolicyFile(path: string): PolicyFile['programs'] {
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
  return programs;
}
