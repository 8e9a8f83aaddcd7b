// Simulation: a model of a process learned from its history (arrivals, durations, decisions, staffing, surveys).
import { Module } from '@nestjs/common';
import { DefinitionsModule } from '../definitions/definitions.module';
import { SimulationModelRepository } from './simulation-model.repository';
import { SimulationModelService } from './simulation-model.service';
import { SimulationsController } from './simulations.controller';

@Module({ imports: [DefinitionsModule], controllers: [SimulationsController], providers: [SimulationModelRepository, SimulationModelService] })
export class SimulationModule {}
