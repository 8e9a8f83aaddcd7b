// REST: the live event stream (Server-Sent Events) for agents, technicians, supervisors and managers.
import { Access } from '../../auth/access.decorator';
import { Rules } from '../../auth/access-rules';
import { CurrentPrincipal } from '../../auth/current-principal.decorator';
import type { Principal } from '../../auth/principal';
import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { EventStreamQueryDto } from '../dto/events.dto';
import { EventStreamService } from './event-stream.service';

@ApiTags('events')
@Controller('api/events')
export class EventsController {
  constructor(private readonly events: EventStreamService) {}

  @Get()
  @Access(Rules.liveEvents)
  @ApiProduces('text/event-stream')
  @ApiHeader({ name: 'Last-Event-ID', required: false, description: 'replay the events after this id (sent by EventSource on reconnect)' })
  @ApiOkResponse({ description: 'an SSE stream: `id: <event id>`, `event: <type>`, `data: <payload JSON>`; a heartbeat comment every 15 s' })
  stream(@CurrentPrincipal() principal: Principal, @Query() query: EventStreamQueryDto, @Headers('last-event-id') lastEventId: string | undefined, @Res() res: Response) {
    return this.events.open(res, query, lastEventId, principal);
  }
}
