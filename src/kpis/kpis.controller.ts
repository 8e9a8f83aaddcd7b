// KPI endpoints: figures with numerators and denominators, version comparison, reports (JSON and CSV).
import { Controller, Get, Header, Query } from '@nestjs/common';
import { Access } from '../auth/access.decorator';
import { Rules } from '../auth/access-rules';
import { ApiTags } from '@nestjs/swagger';
import { KpiCompareDto, KpiQueryDto, KpiReportDto } from './dto/kpi.dto';
import { KpisService } from './kpis.service';

@ApiTags('kpis')
@Access(Rules.dashboards)
@Controller('api/kpis')
export class KpisController {
  constructor(private readonly kpis: KpisService) {}

  @Get()
  get(@Query() query: KpiQueryDto) { return this.kpis.get(query); }

  @Get('compare')
  compare(@Query() query: KpiCompareDto) { return this.kpis.compare(query); }

  @Get('report')
  report(@Query() query: KpiReportDto) { return this.kpis.report(query); }

  @Get('report.csv') @Header('Content-Type', 'text/csv; charset=utf-8') @Header('Content-Disposition', 'attachment; filename="kpi-report.csv"')
  reportCsv(@Query() query: KpiReportDto) { return this.kpis.reportCsv(query); }
}
