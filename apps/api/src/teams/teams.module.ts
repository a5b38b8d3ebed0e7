import { Module } from '@nestjs/common';
import { TeamsController } from './teams.controller';
import { TeamsService } from './teams.service';

/** Care teams and staff managed through the API (admins write; staff read their own team). */
@Module({ controllers: [TeamsController], providers: [TeamsService] })
export class TeamsModule {}
