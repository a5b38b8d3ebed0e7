import { Module } from '@nestjs/common';
import { CommitteeController } from './committee.controller';

/** The committee's de-identified view (seed 003 step 9). */
@Module({ controllers: [CommitteeController] })
export class CommitteeModule {}
