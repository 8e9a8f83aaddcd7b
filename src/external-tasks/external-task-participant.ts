// External tasks in every command: one row per waiting external service task; cancel closes the open ones.
import { Injectable } from '@nestjs/common';
import { Phase, type CancelContext, type CommandParticipant, type RunContext } from '../commands/command-context';
import { CommandParticipation } from '../commands/command-participants';
import { mayHaveWaited } from '../commands/prior-waits.util';
import { ExternalTaskRepository } from './external-task.repository';

@Injectable()
@CommandParticipation()
export class ExternalTaskParticipant implements CommandParticipant {
  readonly name = 'external tasks';
  readonly phase = Phase.Rows + 40;

  constructor(private readonly externalTasks: ExternalTaskRepository) {}

  async onRun({ em, instance, model, result, now, newInstance, prior, history }: RunContext): Promise<void> {
    // No external service task waited before: no open row to read.
    const none = newInstance || !mayHaveWaited({ model, prior, test: (e) => !!e.topic });
    history.push(...(await this.externalTasks.reconcile(em, { instanceId: instance.id, waiting: result.externalTasks, model, now, newInstance: none })));
  }

  async onCancel({ em, instance, now }: CancelContext): Promise<void> {
    await this.externalTasks.cancelOpen(em, instance.id, now);
  }
}
