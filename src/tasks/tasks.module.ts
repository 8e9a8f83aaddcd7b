// Feature: user tasks (list, claim, complete with form validation).
import { Module } from '@nestjs/common';
import { DefinitionsModule } from '../definitions/definitions.module';
import { DataIncidents } from '../incidents/data-incidents';
import { InstancesModule } from '../instances/instances.module';
import { TasksController } from './tasks.controller';
import { TasksService } from './tasks.service';

@Module({ imports: [InstancesModule, DefinitionsModule], controllers: [TasksController], providers: [TasksService, DataIncidents] })
export class TasksModule {}
