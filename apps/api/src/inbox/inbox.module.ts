import { Module } from '@nestjs/common';
import { InboxController } from './inbox.controller';

/** The signed-in person's inbox and notification preferences (issue 17). */
@Module({ controllers: [InboxController] })
export class InboxModule {}
