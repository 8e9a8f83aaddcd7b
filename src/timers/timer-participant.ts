// The engine's timers in every command: armed timers become rows, vanished ones go; cancel drops every row of the instance.
import { Injectable } from '@nestjs/common';
import { Phase, type CancelContext, type CommandParticipant, type RunContext } from '../commands/command-context';
import { CommandParticipation } from '../commands/command-participants';
import { TimerKinds } from './timer-kinds';
import { TimerRepository } from './timer.repository';

@Injectable()
@CommandParticipation()
export class TimerParticipant implements CommandParticipant {
  readonly name = 'timers';
  readonly phase = Phase.Rows + 10;

  constructor(
    private readonly timers: TimerRepository,
    private readonly kinds: TimerKinds,
  ) {}

  async onRun({ em, instance, result, now, newInstance }: RunContext): Promise<void> {
    await this.timers.reconcile(em, instance.id, result.timers, now, newInstance, this.kinds.featureKinds());
  }

  async onCancel({ em, instance }: CancelContext): Promise<void> {
    await this.timers.deleteForInstance(em, instance.id);
  }
}
