// REST: dispatch for supervisors (technicians' load, overriding a request's technician) and technician profiles for admins.
import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access.decorator';
import { Rules } from '../auth/access-rules';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/principal';
import { DispatchService } from './dispatch.service';
import { OverrideDispatchDto, TechnicianProfileDto } from './dto/dispatch.dto';
import { TechniciansService } from './technicians.service';

@ApiTags('dispatch')
@Controller('api/dispatch')
export class DispatchController {
  constructor(
    private readonly dispatch: DispatchService,
    private readonly technicians: TechniciansService,
  ) {}

  @Get('technicians')
  @Access(Rules.supervise)
  load() {
    return this.dispatch.load();
  }

  @Get('technicians/:username')
  @Access(Rules.supervise)
  get(@Param('username') username: string) {
    return this.technicians.get(username);
  }

  @Put('technicians/:username')
  @Access(Rules.admin)
  put(@CurrentPrincipal() by: Principal, @Param('username') username: string, @Body() dto: TechnicianProfileDto) {
    return this.technicians.put(username, dto, by);
  }

  @Delete('technicians/:username')
  @Access(Rules.admin)
  @HttpCode(204)
  delete(@CurrentPrincipal() by: Principal, @Param('username') username: string) {
    return this.technicians.delete(username, by);
  }

  @Post('process-instances/:id/override')
  @Access(Rules.supervise)
  @HttpCode(200)
  override(@CurrentPrincipal() by: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: OverrideDispatchDto) {
    return this.dispatch.override(id, dto, by);
  }
}
