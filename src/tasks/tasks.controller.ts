// REST: tasks for agents, technicians, supervisors and managers.
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { Access } from '../auth/access.decorator';
import { Rules } from '../auth/access-rules';
import { ApiTags } from '@nestjs/swagger';
import { ClaimTaskDto, CompleteTaskDto, TaskQueryDto } from './dto/task.dto';
import { DelegateTaskDto, FollowUpDto } from './dto/task-action.dto';
import { TaskActionsService } from './task-actions.service';
import { TasksService } from './tasks.service';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/principal';
import { RequestLanguage, type Language } from '../common/request-language';

@ApiTags('tasks')
@Controller('api/tasks')
export class TasksController {
  constructor(
    private readonly service: TasksService,
    private readonly actions: TaskActionsService,
  ) {}

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
  complete(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CompleteTaskDto, @RequestLanguage() language: Language) {
    return this.service.complete(id, dto, principal, language);
  }

  @Post(':id/unclaim')
  @Access(Rules.workTasks)
  @HttpCode(200)
  unclaim(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string) {
    return this.actions.unclaim(id, principal);
  }

  @Post(':id/delegate')
  @Access(Rules.workTasks)
  @HttpCode(200)
  delegate(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: DelegateTaskDto) {
    return this.actions.delegate(id, dto, principal);
  }

  @Post(':id/resolve')
  @Access(Rules.workTasks)
  @HttpCode(200)
  resolve(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string) {
    return this.actions.resolve(id, principal);
  }

  @Put(':id/follow-up')
  @Access(Rules.workTasks)
  followUp(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: FollowUpDto) {
    return this.actions.followUp(id, dto, principal);
  }

  @Get(':id/candidates')
  @Access(Rules.workTasks)
  candidates(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string) {
    return this.actions.candidates(id, principal);
  }
}
