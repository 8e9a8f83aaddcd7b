// REST: incidents (failed service tasks) for supervisors and operators.
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { Access } from '../auth/access.decorator';
import { Rules } from '../auth/access-rules';
import { ApiTags } from '@nestjs/swagger';
import { IncidentQueryDto, ResolveIncidentDto, RetryIncidentDto } from './dto/incident.dto';
import { IncidentsService } from './incidents.service';
import { Audited } from '../audit/audited.decorator';

@ApiTags('incidents')
@Access(Rules.supervise)
@Controller('api/incidents')
export class IncidentsController {
  constructor(private readonly service: IncidentsService) {}

  @Get()
  list(@Query() query: IncidentQueryDto) {
    return this.service.list(query);
  }

  @Get(':id')
  get(@Param('id', ParseUUIDPipe) id: string) {
    return this.service.get(id);
  }

  @Post(':id/retry')
  @HttpCode(200)
  @Audited('incident.retried', { target: 'incident' })
  retry(@Param('id', ParseUUIDPipe) id: string, @Body() dto: RetryIncidentDto) {
    return this.service.retry(id, dto);
  }

  @Post(':id/resolve')
  @HttpCode(200)
  @Audited('incident.resolved', { target: 'incident' })
  resolve(@Param('id', ParseUUIDPipe) id: string, @Body() dto: ResolveIncidentDto) {
    return this.service.resolve(id, dto);
  }
}
