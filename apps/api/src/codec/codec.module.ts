import { Module } from '@nestjs/common';
import { CodecController } from './codec.controller';

/** The payload codec endpoint the Temporal UI and CLI decode through (admins). */
@Module({ controllers: [CodecController] })
export class CodecModule {}
