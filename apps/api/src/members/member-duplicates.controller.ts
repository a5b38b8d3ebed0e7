import { Body, Controller, Get, HttpCode, HttpStatus, Param, PipeTransform, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { MemberDuplicateFlag } from '@careloop/contracts';
import { Access, ActorId } from '../auth/access.decorator';
import { fieldError } from '../common/api-error';
import { MemberDuplicatesQuery, ResolveDuplicateDto } from './dto/member-queries.dto';
import { MemberRegistry } from './member-registry.service';
import { MemberDuplicateFlagDoc } from './member.view';

const FLAG_ID = /^dup_[0-9a-hjkmnp-tv-z]{26}$/;

class ParseFlagIdPipe implements PipeTransform<string, string> {
  static readonly parameterSchema = { type: 'string', pattern: FLAG_ID.source, example: 'dup_0123456789abcdefghjkmnpqrs' } as const;

  transform(id: string): string {
    if (!FLAG_ID.test(id)) throw fieldError('id', 'id must be a duplicate flag id such as dup_0123456789abcdefghjkmnpqrs');
    return id;
  }
}

/** Possible duplicates in the registry, for a person to resolve (nothing is ever merged). Flags hold member ids only. */
@ApiTags('members')
@ApiBearerAuth()
@Controller('member-duplicates')
export class MemberDuplicatesController {
  constructor(private readonly registry: MemberRegistry) {}

  @Get()
  @Access('member.duplicates')
  @ApiOperation({ summary: 'Duplicate flags: open (default), resolved or all' })
  @ApiOkResponse({ type: [MemberDuplicateFlagDoc] })
  list(@Query() query: MemberDuplicatesQuery): Promise<MemberDuplicateFlag[]> {
    return this.registry.duplicateFlags(query.status ?? 'open');
  }

  @Post(':id/resolve')
  @HttpCode(HttpStatus.OK)
  @Access('member.duplicates')
  @ApiOperation({ summary: 'Resolve a flag: distinct_people or same_person (a repeat with the same resolution answers the flag again)' })
  @ApiOkResponse({ type: MemberDuplicateFlagDoc })
  @ApiNotFoundResponse({ description: 'duplicate_flag_not_found' })
  @ApiConflictResponse({ description: 'duplicate_flag_resolved: resolved already with the other resolution.' })
  resolve(@Param('id', ParseFlagIdPipe) id: string, @Body() dto: ResolveDuplicateDto, @ActorId() actor: string): Promise<MemberDuplicateFlag> {
    return this.registry.resolveDuplicate(id, dto.resolution, actor);
  }
}
