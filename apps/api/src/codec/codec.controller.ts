import { Body, Controller, HttpCode, HttpStatus, Inject, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Payload } from '@temporalio/common';
import { AesGcmPayloadCodec } from '@careloop/temporal';
import { API_CONFIG, type ApiConfig } from '../api.config';
import { Access } from '../auth/access.decorator';
import { fieldError } from '../common/api-error';
import { CodecPayloadsView, CodecRequestDto, type CodecPayloadDto } from './codec.dto';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * Temporal's remote codec protocol, for the Web UI and `temporal` CLI
 * (`--codec-endpoint`): they send encrypted payloads and show what comes
 * back. Operators (admin) only, since decode reveals PHI; every call is
 * audited like any other read. CORS admits the Temporal UI origin (CORS_ORIGINS).
 */
@ApiTags('codec')
@ApiBearerAuth()
@Controller('codec')
export class CodecController {
  private readonly codec: AesGcmPayloadCodec;

  constructor(@Inject(API_CONFIG) config: ApiConfig) {
    this.codec = new AesGcmPayloadCodec(config.temporal.payloadKeys);
  }

  @Post('encode')
  @HttpCode(HttpStatus.OK)
  @Access('codec.use')
  @ApiOperation({ summary: 'Encrypt payloads with the active payload key' })
  @ApiOkResponse({ type: CodecPayloadsView })
  async encode(@Body() body: CodecRequestDto) {
    return { payloads: (await this.codec.encode(body.payloads.map(fromJson))).map(toJson) };
  }

  @Post('decode')
  @HttpCode(HttpStatus.OK)
  @Access('codec.use')
  @ApiOperation({ summary: 'Decrypt payloads (any configured key); unencrypted payloads pass through' })
  @ApiOkResponse({ type: CodecPayloadsView })
  async decode(@Body() body: CodecRequestDto) {
    let decoded: Payload[];
    try {
      decoded = await this.codec.decode(body.payloads.map(fromJson));
    } catch {
      // Unknown key id or a payload that fails authentication: say which rule, not what the bytes were.
      throw fieldError('payloads', 'a payload is encrypted with a key this deployment does not have, or it was altered');
    }
    return { payloads: decoded.map(toJson) };
  }
}

function fromJson(p: CodecPayloadDto, index: number): Payload {
  const metadata: Record<string, Uint8Array> = {};
  for (const [key, value] of Object.entries(p.metadata)) {
    if (typeof value !== 'string' || !BASE64.test(value)) {
      // The key is the caller's; it goes in the reason (to the caller), not in the logged detail.
      throw fieldError(`payloads.${index}.metadata`, `metadata values must be base64 strings; ${JSON.stringify(key.slice(0, 64))} is not`);
    }
    metadata[key] = Buffer.from(value, 'base64');
  }
  return { metadata, data: Buffer.from(p.data ?? '', 'base64') };
}

function toJson(p: Payload): { metadata: Record<string, string>; data: string } {
  const metadata: Record<string, string> = {};
  for (const [key, value] of Object.entries(p.metadata ?? {})) {
    metadata[key] = Buffer.from(value ?? []).toString('base64');
  }
  return { metadata, data: Buffer.from(p.data ?? []).toString('base64') };
}
