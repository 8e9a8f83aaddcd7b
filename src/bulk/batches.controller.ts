// REST: bulk actions as background batches (cancel, retry incidents, reassign tasks, migrate) and their progress.
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access.decorator';
import { Rules } from '../auth/access-rules';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/principal';
import { BatchesService } from './batches.service';
import { CreateBatchDto } from './dto/batch.dto';

@ApiTags('batches')
@Controller('api/batches')
export class BatchesController {
  constructor(private readonly service: BatchesService) {}

  @Post()
  @HttpCode(202)
  @Access(Rules.operateInstances)
  create(@CurrentPrincipal() principal: Principal, @Body() dto: CreateBatchDto) {
    return this.service.create(dto, principal);
  }

  @Get(':id')
  @Access(Rules.operateInstances)
  get(@Param('id', ParseUUIDPipe) id: string) {
    return this.service.get(id);
  }
}
