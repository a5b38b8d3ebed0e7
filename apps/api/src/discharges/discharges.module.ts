import { Module } from '@nestjs/common';
import { DischargesController } from './discharges.controller';
import { DischargesService } from './discharges.service';
import { DischargeListService } from './discharge-list.service';

/** The care team's work on a discharge's transition-of-care tasks. */
@Module({ controllers: [DischargesController], providers: [DischargesService, DischargeListService] })
export class DischargesModule {}
