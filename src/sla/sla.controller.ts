// REST: the SLA policies and business calendars of processes/sla.json (modeler, dashboards), and the running clocks (board).
import { Controller, Get, Query } from '@nestjs/common';
import { Access } from '../auth/access.decorator';
import { Rules } from '../auth/access-rules';
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
  @Access(Rules.readProcesses)
  policies() {
    return [...this.config.policies.values()].map(mapPolicy);
  }

  @Get('clocks')
  @Access(Rules.supervise)
  clocks(@Query() query: SlaClockQueryDto) {
    return this.view.list(query);
  }

  @Get('calendars')
  @Access(Rules.readProcesses)
  calendars() {
    return [...this.config.calendars.values()].map(mapCalendar);
  }
}
