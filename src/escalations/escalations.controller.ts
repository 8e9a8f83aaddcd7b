// REST: escalations for supervisors and managers.
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AcknowledgeEscalationDto, EscalationQueryDto, ReassignEscalationDto, ResolveEscalationDto } from './dto/escalation.dto';
import { EscalationsService } from './escalations.service';

@ApiTags('escalations')
@Controller('api/escalations')
export class EscalationsController {
  constructor(private readonly service: EscalationsService) {}

  @Get()
  list(@Query() query: EscalationQueryDto) {
    return this.service.list(query);
  }

  @Get(':id')
  get(@Param('id', ParseUUIDPipe) id: string) {
    return this.service.get(id);
  }

  @Post(':id/acknowledge')
  @HttpCode(200)
  acknowledge(@Param('id', ParseUUIDPipe) id: string, @Body() dto: AcknowledgeEscalationDto) {
    return this.service.acknowledge(id, dto);
  }

  @Post(':id/reassign')
  @HttpCode(200)
  reassign(@Param('id', ParseUUIDPipe) id: string, @Body() dto: ReassignEscalationDto) {
    return this.service.reassign(id, dto);
  }

  @Post(':id/resolve')
  @HttpCode(200)
  resolve(@Param('id', ParseUUIDPipe) id: string, @Body() dto: ResolveEscalationDto) {
    return this.service.resolve(id, dto);
  }
}
