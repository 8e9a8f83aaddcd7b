// User tasks in every command: open the tasks the engine waits on, close the completed or interrupted ones; cancel closes all.
import { Injectable } from '@nestjs/common';
import { Phase, type CancelContext, type CommandParticipant, type RunContext } from '../commands/command-context';
import { CommandParticipation } from '../commands/command-participants';
import { TaskRepository } from './task.repository';

@Injectable()
@CommandParticipation()
export class TaskParticipant implements CommandParticipant {
  readonly name = 'tasks';
  // First of the rows: its task.* history comes right after the engine's, and reactions (SLA, escalations) read it.
  readonly phase = Phase.Rows;

  constructor(private readonly tasks: TaskRepository) {}

  async onRun({ em, instance, model, result, now, completedTaskId, newInstance, history }: RunContext): Promise<void> {
    history.push(...(await this.tasks.reconcile(em, instance.id, result.userTasks, model, now, { completedTaskId, newInstance, variables: result.variables })));
  }

  async onCancel({ em, instance, now }: CancelContext): Promise<void> {
    await this.tasks.cancelOpen(em, instance.id, now);
  }
}
