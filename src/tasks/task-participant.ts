// User tasks in every command: open the tasks the engine waits on, close the completed or interrupted ones; cancel closes all.
import { Injectable } from '@nestjs/common';
import { Phase, type CancelContext, type CommandParticipant, type RunContext } from '../commands/command-context';
import { CommandParticipation } from '../commands/command-participants';
import { mayHaveWaited } from '../commands/prior-waits.util';
import { TaskRepository } from './task.repository';

@Injectable()
@CommandParticipation()
export class TaskParticipant implements CommandParticipant {
  readonly name = 'tasks';
  // First of the rows: its task.* history comes right after the engine's, and reactions (SLA, escalations) read it.
  readonly phase = Phase.Rows;

  constructor(private readonly tasks: TaskRepository) {}

  async onRun({ em, instance, model, result, now, completedTaskId, newInstance, prior, history }: RunContext): Promise<void> {
    // No user task waited before: no open task to read (a timer firing or a message that leads to the first task).
    const none = newInstance || !mayHaveWaited({ model, prior, test: (e) => e.type === 'bpmn:UserTask' });
    history.push(...(await this.tasks.reconcile(em, instance.id, result.userTasks, model, now, { completedTaskId, newInstance: none, variables: result.variables })));
  }

  async onCancel({ em, instance, now }: CancelContext): Promise<void> {
    await this.tasks.cancelOpen(em, instance.id, now);
  }
}
