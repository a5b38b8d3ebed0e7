import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Put, Query, type PipeTransform } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { templateLanguage, type InboxPage, type NotificationPreferences } from '@careloop/contracts';
import { InboxRepository, NotificationPreferencesRepository, StaffAdminRepository, type InboxCursor } from '@careloop/persistence';
import { Access, CurrentPrincipal } from '../auth/access.decorator';
import type { Principal } from '../auth/principal';
import { ApiError, fieldError } from '../common/api-error';
import { cursorFields, decodeCursor, encodeCursor } from '../common/page-cursor';
import { EmptyDto } from '../cases/dto/case-actions.dto';
import { InboxQuery, NotificationPreferencesInput, ReadAllInput } from './inbox.dto';
import { InboxMessageDto, InboxPageDto, NotificationPreferencesView, ReadAllDto, UnreadCountDto } from './inbox.view';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The message id in the path, checked before anything is read (400 naming `id`). */
class ParseMessageId implements PipeTransform<string, string> {
  readonly parameterSchema = { type: 'string', format: 'uuid' } as const;

  transform(id: string): string {
    if (!UUID.test(id)) throw fieldError('id', 'id must be the id (a UUID) of a message in your inbox');
    return id;
  }
}

const notFound = (id: string) => new ApiError('inbox_message_not_found', `No message ${id} in your inbox.`);

/** An inbox page's end (created_at, id of its last message). */
function inboxCursor(value: unknown): InboxCursor | null {
  const f = cursorFields(value);
  return f && typeof f.c === 'string' && !Number.isNaN(Date.parse(f.c)) && typeof f.i === 'string' && UUID.test(f.i) ? { createdAt: f.c, id: f.i } : null;
}

/**
 * The signed-in person's inbox (issue 17): the detail of every notice sent to them, newest first.
 * Every query is by the caller's own id (the token subject), so nobody reads, counts or marks
 * another person's messages; another person's message id answers 404 like an unknown one.
 * Each request is in the audit log like every guarded route.
 */
@ApiTags('inbox')
@ApiBearerAuth()
@Controller()
export class InboxController {
  constructor(
    private readonly inbox: InboxRepository,
    private readonly preferences: NotificationPreferencesRepository,
    private readonly staff: StaffAdminRepository,
  ) {}

  @Get('inbox')
  @Access('inbox')
  @ApiOperation({ summary: 'My messages, newest first; unread=true for the unread ones; paged with a cursor' })
  @ApiOkResponse({ type: InboxPageDto })
  async list(@CurrentPrincipal() me: Principal, @Query() q: InboxQuery): Promise<InboxPage> {
    const limit = q.limit ?? 50;
    const cursor = q.cursor === undefined ? null : decodeCursor(q.cursor, inboxCursor);
    const [items, unread] = await Promise.all([this.inbox.page(me.sub, { unreadOnly: q.unread === 'true', cursor, limit }), this.inbox.unreadCount(me.sub)]);
    const last = items[items.length - 1];
    return { items, unread, ...(items.length === limit && last ? { nextCursor: encodeCursor({ c: last.createdAt, i: last.id }) } : {}) };
  }

  @Get('inbox/unread-count')
  @Access('inbox')
  @ApiOperation({ summary: 'How many of my messages are unread (the console polls it for its badge)' })
  @ApiOkResponse({ type: UnreadCountDto })
  async unreadCount(@CurrentPrincipal() me: Principal): Promise<UnreadCountDto> {
    return { unread: await this.inbox.unreadCount(me.sub) };
  }

  @Post('inbox/read-all')
  @HttpCode(HttpStatus.OK)
  @Access('inbox')
  @ApiOperation({ summary: 'Mark my messages read up to `through` (what I have seen; a repeat changes nothing)' })
  @ApiOkResponse({ type: ReadAllDto })
  async readAll(@CurrentPrincipal() me: Principal, @Body() dto: ReadAllInput): Promise<ReadAllDto> {
    const marked = await this.inbox.markAllRead(me.sub, new Date(dto.through));
    return { marked, unread: await this.inbox.unreadCount(me.sub) };
  }

  @Post('inbox/:id/read')
  @HttpCode(HttpStatus.OK)
  @Access('inbox')
  @ApiOperation({ summary: 'Mark one of my messages read (a repeat keeps the first read time)' })
  @ApiOkResponse({ type: InboxMessageDto })
  @ApiNotFoundResponse({ description: 'Not a message of my inbox (inbox_message_not_found).' })
  async read(@CurrentPrincipal() me: Principal, @Param('id', new ParseMessageId()) id: string, @Body() _body: EmptyDto): Promise<InboxMessageDto> {
    const message = await this.inbox.markRead(me.sub, id);
    if (!message) throw notFound(id);
    return message;
  }

  @Get('me/notification-preferences')
  @Access('inbox')
  @ApiOperation({ summary: 'My notification preferences (the defaults until I save some: email on, no quiet hours, my first working language)' })
  @ApiOkResponse({ type: NotificationPreferencesView })
  async getPreferences(@CurrentPrincipal() me: Principal): Promise<NotificationPreferences> {
    return (await this.preferences.get(me.sub)) ?? { channels: ['email'], quietHours: null, language: templateLanguage((await this.staff.get(me.sub))?.languages[0]) };
  }

  @Put('me/notification-preferences')
  @Access('inbox')
  @ApiOperation({ summary: 'Replace my notification preferences: channels besides the inbox, quiet hours in my time zone, language' })
  @ApiOkResponse({ type: NotificationPreferencesView })
  async putPreferences(@CurrentPrincipal() me: Principal, @Body() dto: NotificationPreferencesInput): Promise<NotificationPreferences> {
    const prefs: NotificationPreferences = {
      channels: [...dto.channels],
      quietHours: dto.quietHours ? { start: dto.quietHours.start, end: dto.quietHours.end, timeZone: dto.quietHours.timeZone } : null,
      language: dto.language,
    };
    await this.preferences.put(me.sub, prefs);
    return prefs;
  }
}
