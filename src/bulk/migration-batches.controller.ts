// REST: Camunda's POST /migration/executeAsync: a migration run as a background batch (progress at GET /api/batches/{id}).
import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access.decorator';
import { Rules } from '../auth/access-rules';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/principal';
import { ExecuteMigrationDto } from '../migration/dto/migration.dto';
import { BatchesService } from './batches.service';

@ApiTags('migration')
@Controller('api/migration')
export class MigrationBatchesController {
  constructor(private readonly service: BatchesService) {}

  @Post('executeAsync')
  @HttpCode(202)
  @Access(Rules.operateInstances)
  executeAsync(@CurrentPrincipal() principal: Principal, @Body() dto: ExecuteMigrationDto) {
    return this.service.createMigration(dto, principal);
  }
}
