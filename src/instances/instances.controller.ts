// REST: start, list, inspect and cancel process instances.
import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { Access } from '../auth/access.decorator';
import { Rules } from '../auth/access-rules';
import { ApiTags } from '@nestjs/swagger';
import { CancelInstanceDto, InstanceQueryDto, StartInstanceDto } from './dto/instance.dto';
import { InstancesService } from './instances.service';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/principal';
import { Audited } from '../audit/audited.decorator';
import { RequestLanguage, type Language } from '../common/request-language';

@ApiTags('process-instances')
@Controller('api/process-instances')
export class InstancesController {
  constructor(private readonly service: InstancesService) {}

  @Post()
  @Access(Rules.startInstance)
  @Audited('instance.started')
  start(@CurrentPrincipal() principal: Principal, @Body() dto: StartInstanceDto, @RequestLanguage() language: Language) {
    return this.service.start(dto, principal, language);
  }

  @Get()
  @Access(Rules.readInstances)
  list(@Query() query: InstanceQueryDto) {
    return this.service.list(query);
  }

  @Get(':id')
  @Access(Rules.readInstances)
  get(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string) {
    return this.service.get(id, principal);
  }

  @Delete(':id')
  @Access(Rules.cancelInstance)
  @Audited('instance.cancelled')
  cancel(@Param('id', ParseUUIDPipe) id: string, @Body() dto: CancelInstanceDto) {
    return this.service.cancel(id, dto);
  }
}
