// REST: the simulation model learned from history, and simulation runs (issue 18): start one, read its progress and results.
import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Audited } from '../audit/audited.decorator';
import { Access } from '../auth/access.decorator';
import { Rules } from '../auth/access-rules';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/principal';
import { SimulationModelQueryDto } from './dto/simulation-model.dto';
import { SimulationRunDto } from './dto/simulation-run.dto';
import { SimulationModelService } from './simulation-model.service';
import { SimulationRunsService } from './simulation-runs.service';

@ApiTags('simulations')
@Controller('api/simulations')
export class SimulationsController {
  constructor(
    private readonly models: SimulationModelService,
    private readonly runs: SimulationRunsService,
  ) {}

  @Get('model') @Access(Rules.dashboards)
  model(@Query() query: SimulationModelQueryDto) { return this.models.learn(query); }

  @Post() @HttpCode(202) @Access(Rules.simulate) @Audited('simulation.started', { target: 'simulation' })
  start(@CurrentPrincipal() by: Principal, @Body() dto: SimulationRunDto) { return this.runs.create(dto, by); }

  @Get(':id') @Access(Rules.simulate)
  get(@Param('id') id: string) { return this.runs.get(id); }
}
