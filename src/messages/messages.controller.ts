// REST: integrators send named messages to waiting instances.
import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { Access } from '../auth/access.decorator';
import { Rules } from '../auth/access-rules';
import { ApiTags } from '@nestjs/swagger';
import { AwaitedMessagesQueryDto, CorrelateMessageDto } from './dto/message.dto';
import { AwaitedMessagesService } from './awaited-messages.service';
import { MessagesService } from './messages.service';
import { Audited } from '../audit/audited.decorator';

@ApiTags('messages')
@Controller('api/messages')
export class MessagesController {
  constructor(
    private readonly service: MessagesService,
    private readonly awaited: AwaitedMessagesService,
  ) {}

  /** What an instance waits for that the caller may send (the instance viewer and task panel offer these). */
  @Get('awaited')
  @Access(Rules.correlateMessage)
  awaitedBy(@Query() query: AwaitedMessagesQueryDto) {
    return this.awaited.forInstance(query.processInstanceId);
  }

  @Post()
  @Access(Rules.correlateMessage)
  @HttpCode(200)
  @Audited('message.correlated')
  correlate(@Body() dto: CorrelateMessageDto) {
    return this.service.correlate(dto);
  }
}
