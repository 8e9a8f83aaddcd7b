// REST: tasks for agents, technicians, supervisors and managers.
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { Access } from '../auth/access.decorator';
import { Rules } from '../auth/access-rules';
import { ApiTags } from '@nestjs/swagger';
import { ClaimTaskDto, CompleteTaskDto, TaskQueryDto } from './dto/task.dto';
import { TasksService } from './tasks.service';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/principal';

@ApiTags('tasks')
@Controller('api/tasks')
export class TasksController {
  constructor(private readonly service: TasksService) {}

  @Get()
  @Access(Rules.readTasks)
  list(@CurrentPrincipal() principal: Principal, @Query() query: TaskQueryDto) {
    return this.service.list(query, principal);
  }

  @Get(':id')
  @Access(Rules.readTasks)
  get(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string) {
    return this.service.get(id, principal);
  }

  @Post(':id/claim')
  @Access(Rules.workTasks)
  @HttpCode(200)
  claim(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ClaimTaskDto) {
    return this.service.claim(id, dto, principal);
  }

  @Post(':id/complete')
  @Access(Rules.workTasks)
  @HttpCode(200)
  complete(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CompleteTaskDto) {
    return this.service.complete(id, dto, principal);
  }
}
