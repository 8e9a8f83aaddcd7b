// Feature: user tasks (list, claim, complete with form validation).
import { Module } from '@nestjs/common';
import { TaskParticipant } from './task-participant';
import { InstancesModule } from '../instances/instances.module';
import { TasksController } from './tasks.controller';
import { TasksService } from './tasks.service';

@Module({ imports: [InstancesModule], controllers: [TasksController], providers: [TasksService, TaskParticipant] })
export class TasksModule {}
