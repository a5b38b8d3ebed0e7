import { Module, type OnModuleInit } from '@nestjs/common';
import { FhirController } from './fhir.controller';
import { initFhirValidation } from './fhir-validator';
import { FhirService } from './fhir.service';

/**
 * The FHIR R4 routes (/fhir). Indexes the FHIR StructureDefinitions at boot
 * (~0.7 s, ~60 MB heap; docs/operations.md) so no request pays for it.
 */
@Module({ controllers: [FhirController], providers: [FhirService] })
export class FhirModule implements OnModuleInit {
  onModuleInit(): void {
    initFhirValidation();
  }
}
