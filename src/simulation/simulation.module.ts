// Simulation: a model of a process learned from its history, and what-if runs of its diagrams on a virtual clock.
import { Module } from '@nestjs/common';
import { DefinitionsModule } from '../definitions/definitions.module';
import { OutboxRepository } from '../notifications/outbox.repository';
import { SimulationModelRepository } from './simulation-model.repository';
import { SimulationModelService } from './simulation-model.service';
import { SimulationRepository } from './simulation.repository';
import { SimulationRunsService } from './simulation-runs.service';
import { SimulationsController } from './simulations.controller';

@Module({
  imports: [DefinitionsModule],
  controllers: [SimulationsController],
  providers: [SimulationModelRepository, SimulationModelService, SimulationRepository, SimulationRunsService, OutboxRepository],
})
export class SimulationModule {}
