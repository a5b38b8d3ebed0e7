import { Global, Module } from '@nestjs/common';
import { MemberContactNotifier } from './member-contact.notifier';
import { MemberDuplicatesController } from './member-duplicates.controller';
import { MemberRegistry } from './member-registry.service';
import { MemberRoutesService } from './member-routes.service';
import { MembersController } from './members.controller';

/**
 * The member registry (issue 16) and its routes. Global so case start, the
 * intakes and the access guard can inject MemberRegistry.
 */
@Global()
@Module({ controllers: [MembersController, MemberDuplicatesController], providers: [MemberRegistry, MemberRoutesService, MemberContactNotifier], exports: [MemberRegistry, MemberContactNotifier] })
export class MembersModule {}
