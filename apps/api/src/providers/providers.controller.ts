import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Put, Query, Res, type PipeTransform } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { ProviderEntry } from '@careloop/contracts';
import { PROVIDER_ID_PATTERN } from '@careloop/domain';
import { Access, CurrentPrincipal } from '../auth/access.decorator';
import type { Principal } from '../auth/principal';
import { ApiError, fieldError } from '../common/api-error';
import { EmptyDto } from '../cases/dto/case-actions.dto';
import { CreateProviderDto, ProviderSearchQuery, UpdateProviderDto } from './provider.dto';
import { ProviderEntryView, ProviderListView } from './provider.view';
import { ProvidersService } from './providers.service';

class ParseProviderIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!PROVIDER_ID_PATTERN.test(value)) {
      throw fieldError('id', 'id must be a provider directory id (1-64 letters, digits or "_.:@-")');
    }
    return value;
  }
}

const NOT_FOUND = 'No provider with this id in the directory.';
const ID_PARAM = { name: 'id', schema: { type: 'string' as const, pattern: PROVIDER_ID_PATTERN.source }, example: 'prov-9' };

/** The provider directory (issue 16): who CareLoop names as a provider, and where their notices go. */
@ApiTags('providers')
@ApiBearerAuth()
@Controller('providers')
export class ProvidersController {
  constructor(private readonly providers: ProvidersService) {}

  @Post()
  @Access('provider.manage')
  @ApiOperation({ summary: 'Add a provider to the directory (admin); the same body again answers the same entry' })
  @ApiCreatedResponse({ type: ProviderEntryView, description: 'Added.' })
  @ApiOkResponse({ type: ProviderEntryView, description: 'This id already holds these details; the entry is returned.' })
  @ApiBadRequestResponse({ description: 'A field is invalid (NPI check digit, endpoint URL or address, role), or the id or NPI belongs to another entry.' })
  async create(@Body() dto: CreateProviderDto, @Res({ passthrough: true }) res: Response): Promise<ProviderEntry> {
    const { created, entry } = await this.providers.create(dto);
    res.status(created ? HttpStatus.CREATED : HttpStatus.OK).location(`/providers/${entry.id}`);
    return entry;
  }

  @Put(':id')
  @Access('provider.manage')
  @ApiOperation({ summary: "Replace a provider's details (admin); `active: false` deactivates" })
  @ApiOkResponse({ type: ProviderEntryView })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiParam(ID_PARAM)
  update(@Param('id', ParseProviderIdPipe) id: string, @Body() dto: UpdateProviderDto): Promise<ProviderEntry> {
    return this.providers.update(id, dto);
  }

  @Post(':id/deactivate')
  @HttpCode(200)
  @Access('provider.manage')
  @ApiOperation({ summary: 'Deactivate a provider (admin): their tokens are refused and nothing new may name them, within PROVIDER_DIRECTORY_CACHE_MS' })
  @ApiOkResponse({ type: ProviderEntryView })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiParam(ID_PARAM)
  // The empty body DTO refuses any field sent (400 naming it), as every other POST does.
  deactivate(@Param('id', ParseProviderIdPipe) id: string, @Body() _body: EmptyDto): Promise<ProviderEntry> {
    return this.providers.deactivate(id);
  }

  @Get()
  @Access('provider.search')
  @ApiOperation({ summary: 'Find providers by NPI (exact) or name (substring, case-insensitive); at most 50' })
  @ApiOkResponse({ type: ProviderListView })
  async search(@Query() query: ProviderSearchQuery): Promise<ProviderListView> {
    return { providers: await this.providers.search(query) };
  }

  @Get(':id')
  @Access('provider.read')
  @ApiOperation({ summary: 'One directory entry (the care side; a provider reads only their own)' })
  @ApiOkResponse({ type: ProviderEntryView })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiParam(ID_PARAM)
  get(@Param('id', ParseProviderIdPipe) id: string, @CurrentPrincipal() principal: Principal): Promise<ProviderEntry> {
    if (principal.role === 'provider' && principal.sub !== id) {
      // Not "forbidden": a provider learns nothing about other entries, not even that they exist.
      throw new ApiError('not_found', `No provider with id ${id} in the directory.`);
    }
    return this.providers.get(id);
  }
}
