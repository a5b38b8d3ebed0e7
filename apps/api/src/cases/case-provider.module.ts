import { Module } from '@nestjs/common';
import { CaseProviderController } from './case-provider.controller';
import { CaseProviderService } from './case-provider.service';

/** Provider rights on a case (seed 000): the provider's view, the plan summary, and their requests. */
@Module({ controllers: [CaseProviderController], providers: [CaseProviderService] })
export class CaseProviderModule {}
