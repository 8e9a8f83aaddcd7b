// REST: the service-task handlers a diagram may name (for the modeler and integrators).
import { Controller, Get } from '@nestjs/common';
import { Access } from '../auth/access.decorator';
import { Rules } from '../auth/access-rules';
import { ApiTags } from '@nestjs/swagger';
import { ServiceRegistry } from '../engine/service-registry';

@ApiTags('definitions')
@Controller('api/service-handlers')
export class HandlersController {
  constructor(private readonly registry: ServiceRegistry) {}

  @Get()
  @Access(Rules.readProcesses)
  list() {
    return this.registry.list();
  }
}
