// REST: the SLA policies and business calendars of processes/sla.json (modeler, dashboards), and the running clocks (board).
import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { SlaConfig } from './sla-config';
import { mapCalendar, mapPolicy, SlaClockQueryDto } from './dto/sla.dto';
import { SlaView } from './sla-view';

@ApiTags('sla')
@Controller('api/sla')
export class SlaController {
  constructor(
    private readonly config: SlaConfig,
    private readonly view: SlaView,
  ) {}

  @Get('policies')
  policies() {
    return [...this.config.policies.values()].map(mapPolicy);
  }

  @Get('clocks')
  clocks(@Query() query: SlaClockQueryDto) {
    return this.view.list(query);
  }

  @Get('calendars')
  calendars() {
    return [...this.config.calendars.values()].map(mapCalendar);
  }
}
