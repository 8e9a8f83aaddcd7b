// REST: the simulation model learned from history (issue 18); runs are not built yet.
import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access.decorator';
import { Rules } from '../auth/access-rules';
import { SimulationModelQueryDto } from './dto/simulation-model.dto';
import { SimulationModelService } from './simulation-model.service';

@ApiTags('simulations')
@Access(Rules.dashboards)
@Controller('api/simulations')
export class SimulationsController {
  constructor(private readonly models: SimulationModelService) {}

  @Get('model')
  model(@Query() query: SimulationModelQueryDto) { return this.models.learn(query); }
}
