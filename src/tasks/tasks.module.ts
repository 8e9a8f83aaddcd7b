// Feature: user tasks (list, search, saved filters, claim, delegate, follow-up, complete with form validation).
import { Module } from '@nestjs/common';
import { DefinitionsModule } from '../definitions/definitions.module';
import { IncidentsModule } from '../incidents/incidents.module';
import { TaskParticipant } from './task-participant';
import { InstancesModule } from '../instances/instances.module';
import { TaskActionsService } from './task-actions.service';
import { TaskFilterRepository } from './task-filter.repository';
import { TaskFiltersController } from './task-filters.controller';
import { TaskFiltersService } from './task-filters.service';
import { TaskListRepository } from './task-list.repository';
import { TaskWorkRepository } from './task-work.repository';
import { TasksController } from './tasks.controller';
import { TasksService } from './tasks.service';

@Module({
  imports: [InstancesModule, DefinitionsModule, IncidentsModule],
  controllers: [TasksController, TaskFiltersController],
  providers: [TasksService, TaskParticipant, TaskActionsService, TaskFiltersService, TaskListRepository, TaskWorkRepository, TaskFilterRepository],
})
export class TasksModule {}
