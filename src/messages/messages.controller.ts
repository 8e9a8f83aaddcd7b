// REST: integrators send named messages to waiting instances.
import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { Access } from '../auth/access.decorator';
import { Rules } from '../auth/access-rules';
import { ApiTags } from '@nestjs/swagger';
import { CorrelateMessageDto } from './dto/message.dto';
import { MessagesService } from './messages.service';

@ApiTags('messages')
@Controller('api/messages')
export class MessagesController {
  constructor(private readonly service: MessagesService) {}

  @Post()
  @Access(Rules.correlateMessage)
  @HttpCode(200)
  correlate(@Body() dto: CorrelateMessageDto) {
    return this.service.correlate(dto);
  }
}
