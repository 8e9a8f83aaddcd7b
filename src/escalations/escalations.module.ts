// Feature: escalation records and the actions supervisors and managers take on them.
import { Module } from '@nestjs/common';
import { EscalationParticipant } from './escalation-participant';
import { EscalationPolicy } from './escalation-policy';
import { EscalationRepository } from './escalation.repository';
import { InstancesModule } from '../instances/instances.module';
import { EscalationsController } from './escalations.controller';
import { EscalationsService } from './escalations.service';

@Module({ imports: [InstancesModule], controllers: [EscalationsController], providers: [EscalationsService, EscalationRepository, EscalationPolicy, EscalationParticipant] })
export class EscalationsModule {}
