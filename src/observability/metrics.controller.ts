// GET /metrics in the Prometheus text format.
import { Controller, Get, Header } from '@nestjs/common';
import { Public } from '../auth/access.decorator';
import { ApiTags } from '@nestjs/swagger';
import { Metrics } from './metrics';

@ApiTags('operations')
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: Metrics) {}

  @Get()
  @Public()
  @Header('Content-Type', 'text/plain; version=0.0.4')
  scrape() {
    return this.metrics.scrape();
  }
}
