// REST: instance migration between versions of a process (Camunda 7's /migration: generate, validate, execute).
import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access.decorator';
import { Rules } from '../auth/access-rules';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/principal';
import { ExecuteMigrationDto, GeneratePlanDto, ValidateMigrationDto } from './dto/migration.dto';
import { MigrationService } from './migration.service';

@ApiTags('migration')
@Controller('api/migration')
export class MigrationController {
  constructor(private readonly service: MigrationService) {}

  @Post('generate')
  @HttpCode(200)
  @Access(Rules.operateInstances)
  generate(@Body() dto: GeneratePlanDto) {
    return this.service.generate(dto);
  }

  @Post('validate')
  @HttpCode(200)
  @Access(Rules.operateInstances)
  validate(@Body() dto: ValidateMigrationDto) {
    return this.service.validate(dto.migrationPlan, dto.processInstanceIds);
  }

  @Post('execute')
  @HttpCode(200)
  @Access(Rules.operateInstances)
  execute(@CurrentPrincipal() principal: Principal, @Body() dto: ExecuteMigrationDto) {
    return this.service.executeRequest(dto, principal);
  }
}
