// REST: external task workers, after Camunda 7's /external-task API (fetch-and-lock, complete, failure, bpmn-error …).
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access.decorator';
import { Rules } from '../auth/access-rules';
import { ClientGone } from './client-gone.decorator';
import { BpmnErrorDto, CompleteExternalTaskDto, ExtendLockDto, ExternalTaskQueryDto, FailureDto, FetchAndLockDto } from './dto/external-task.dto';
import { ExternalTaskOutcomes } from './external-task-outcomes.service';
import { ExternalTasksService } from './external-tasks.service';
import { Audited } from '../audit/audited.decorator';

@ApiTags('external-tasks')
@Controller('api/external-tasks')
export class ExternalTasksController {
  constructor(
    private readonly service: ExternalTasksService,
    private readonly outcomes: ExternalTaskOutcomes,
  ) {}

  @Post('fetch-and-lock')
  @Access(Rules.workExternalTasks)
  @HttpCode(200)
  fetchAndLock(@Body() dto: FetchAndLockDto, @ClientGone() gone: AbortSignal) {
    return this.service.fetchAndLock(dto, gone);
  }

  @Get()
  @Access(Rules.readExternalTasks)
  list(@Query() query: ExternalTaskQueryDto) {
    return this.service.list(query);
  }

  @Get(':id')
  @Access(Rules.readExternalTasks)
  get(@Param('id', ParseUUIDPipe) id: string) {
    return this.service.get(id);
  }

  @Post(':id/complete')
  @Access(Rules.workExternalTasks)
  @HttpCode(204)
  @Audited('external_task.completed', { target: 'external-task' })
  complete(@Param('id', ParseUUIDPipe) id: string, @Body() dto: CompleteExternalTaskDto) {
    return this.outcomes.complete(id, dto);
  }

  @Post(':id/failure')
  @Access(Rules.workExternalTasks)
  @HttpCode(204)
  @Audited('external_task.failed', { target: 'external-task' })
  failure(@Param('id', ParseUUIDPipe) id: string, @Body() dto: FailureDto) {
    return this.outcomes.failure(id, dto);
  }

  @Post(':id/bpmn-error')
  @Access(Rules.workExternalTasks)
  @HttpCode(204)
  @Audited('external_task.bpmn_error', { target: 'external-task' })
  bpmnError(@Param('id', ParseUUIDPipe) id: string, @Body() dto: BpmnErrorDto) {
    return this.outcomes.bpmnError(id, dto);
  }

  @Post(':id/extend-lock')
  @Access(Rules.workExternalTasks)
  @HttpCode(204)
  extendLock(@Param('id', ParseUUIDPipe) id: string, @Body() dto: ExtendLockDto) {
    return this.service.extendLock(id, dto);
  }

  @Post(':id/unlock')
  @Access(Rules.workExternalTasks)
  @HttpCode(204)
  unlock(@Param('id', ParseUUIDPipe) id: string) {
    return this.service.unlock(id);
  }
}
