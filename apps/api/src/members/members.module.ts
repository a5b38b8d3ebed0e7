import { Global, Module } from '@nestjs/common';
import { MemberRegistry } from './member-registry.service';

/**
 * The member registry (issue 16). Global so case start and the intakes can
 * inject MemberRegistry without importing this module's routes.
 */
@Global()
@Module({ providers: [MemberRegistry], exports: [MemberRegistry] })
export class MembersModule {}
