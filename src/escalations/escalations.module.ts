// Feature: escalation records and the actions supervisors and managers take on them.
import { Module } from '@nestjs/common';
import { InstancesModule } from '../instances/instances.module';
import { EscalationsController } from './escalations.controller';
import { EscalationsService } from './escalations.service';

@Module({ imports: [InstancesModule], controllers: [EscalationsController], providers: [EscalationsService] })
export class EscalationsModule {}
