import { Global, Module } from '@nestjs/common';
import { PolicyRegistry } from '../policies/policy-registry';
import { ProgramsController } from './programs.controller';

/**
 * Program policies (config/policies.json over the seed defaults) and the
 * program information providers read. Global: cases, reviews, complaints,
 * integrations and supervisors all resolve policies.
 */
@Global()
@Module({ controllers: [ProgramsController], providers: [PolicyRegistry], exports: [PolicyRegistry] })
export class ProgramsModule {}
