// REST: the SLA policies and business calendars configured in processes/sla.json (for the modeler and dashboards).
import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { SlaConfig } from './sla-config';
import { mapCalendar, mapPolicy } from './dto/sla.dto';

@ApiTags('sla')
@Controller('api/sla')
export class SlaController {
  constructor(private readonly config: SlaConfig) {}

  @Get('policies')
  policies() {
    return [...this.config.policies.values()].map(mapPolicy);
  }

  @Get('calendars')
  calendars() {
    return [...this.config.calendars.values()].map(mapCalendar);
  }
}
