// REST: the caller's saved tasklist filters, with counts.
import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access.decorator';
import { Rules } from '../auth/access-rules';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/principal';
import { SaveFilterDto } from './dto/task-action.dto';
import { TaskFiltersService } from './task-filters.service';

@ApiTags('tasks')
@Controller('api/task-filters')
export class TaskFiltersController {
  constructor(private readonly service: TaskFiltersService) {}

  @Get()
  @Access(Rules.readTasks)
  list(@CurrentPrincipal() principal: Principal) {
    return this.service.mine(principal);
  }

  @Post()
  @Access(Rules.readTasks)
  save(@CurrentPrincipal() principal: Principal, @Body() dto: SaveFilterDto) {
    return this.service.save(dto, principal);
  }

  @Delete(':id')
  @Access(Rules.readTasks)
  @HttpCode(204)
  remove(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string) {
    return this.service.remove(id, principal);
  }
}
