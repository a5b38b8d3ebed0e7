import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBase64, IsObject, IsOptional, ValidateNested } from 'class-validator';

/** A payload as the Temporal remote codec protocol writes it: metadata values and data in base64. */
export class CodecPayloadDto {
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string', format: 'byte' }, example: { encoding: 'anNvbi9wbGFpbg==' } })
  @IsObject({ message: 'metadata must be an object of base64 strings' })
  metadata!: Record<string, string>;

  @ApiProperty({ format: 'byte', required: false })
  @IsOptional()
  @IsBase64({}, { message: 'data must be base64' })
  data?: string;
}

export class CodecRequestDto {
  @ApiProperty({ type: [CodecPayloadDto] })
  @IsArray()
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => CodecPayloadDto)
  payloads!: CodecPayloadDto[];
}

/** The answer of encode and decode: the payloads in the same order. */
export class CodecPayloadsView {
  @ApiProperty({ type: [CodecPayloadDto] }) payloads!: CodecPayloadDto[];
}
