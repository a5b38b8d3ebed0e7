import { Module } from '@nestjs/common';
import { DischargesController } from './discharges.controller';
import { DischargesService } from './discharges.service';

/** The care team's work on a discharge's transition-of-care tasks. */
@Module({ controllers: [DischargesController], providers: [DischargesService] })
export class DischargesModule {}
