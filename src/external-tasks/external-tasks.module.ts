// Feature: external tasks — service tasks that integrators' workers fetch, lock, complete, fail or BPMN-error.
import { Module } from '@nestjs/common';
import { ExternalTaskParticipant } from './external-task-participant';
import { DefinitionsModule } from '../definitions/definitions.module';
import { InstancesModule } from '../instances/instances.module';
import { ObservabilityModule } from '../observability/observability.module';
import { ExternalTaskBacker } from './external-task-backer';
import { ExternalTaskMetrics } from './external-task-metrics';
import { ExternalTaskOutcomes } from './external-task-outcomes.service';
import { ExternalTasksController } from './external-tasks.controller';
import { ExternalTasksService } from './external-tasks.service';
import { LongPolls } from './long-polls';

@Module({ imports: [InstancesModule, DefinitionsModule, ObservabilityModule], controllers: [ExternalTasksController], providers: [ExternalTasksService, ExternalTaskOutcomes, LongPolls, ExternalTaskMetrics, ExternalTaskBacker, ExternalTaskParticipant], exports: [ExternalTaskOutcomes] })
export class ExternalTasksModule {}
