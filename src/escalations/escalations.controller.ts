// REST: escalations for supervisors and managers.
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/principal';
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { Access } from '../auth/access.decorator';
import { Rules } from '../auth/access-rules';
import { ApiTags } from '@nestjs/swagger';
import { AcknowledgeEscalationDto, EscalationQueryDto, ReassignEscalationDto, ResolveEscalationDto } from './dto/escalation.dto';
import { EscalationsService } from './escalations.service';

@ApiTags('escalations')
@Access(Rules.supervise)
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
  acknowledge(@CurrentPrincipal() by: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: AcknowledgeEscalationDto) {
    return this.service.acknowledge(id, dto, by);
  }

  @Post(':id/reassign')
  @HttpCode(200)
  reassign(@CurrentPrincipal() by: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ReassignEscalationDto) {
    return this.service.reassign(id, dto, by);
  }

  @Post(':id/resolve')
  @HttpCode(200)
  resolve(@CurrentPrincipal() by: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ResolveEscalationDto) {
    return this.service.resolve(id, dto, by);
  }
}
