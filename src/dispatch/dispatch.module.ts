// Feature: dispatch — technician profiles, the assignTechnician handler (skill, region, load, calendar), load, override.
import { Module, OnModuleInit } from '@nestjs/common';
import { ServiceRegistry } from '../engine/service-registry';
import { InstancesModule } from '../instances/instances.module';
import { DispatchController } from './dispatch.controller';
import { DispatchService } from './dispatch.service';
import { TechnicianRepository } from './technician.repository';
import { TechniciansService } from './technicians.service';

@Module({ imports: [InstancesModule], controllers: [DispatchController], providers: [TechnicianRepository, DispatchService, TechniciansService] })
export class DispatchModule implements OnModuleInit {
  constructor(
    private readonly registry: ServiceRegistry,
    private readonly dispatch: DispatchService,
  ) {}

  onModuleInit(): void {
    this.registry.register('assignTechnician', 'Choose a technician by skill, region, open work and calendar (sets technician, dispatch)', (ctx) => this.dispatch.propose(ctx));
  }
}
