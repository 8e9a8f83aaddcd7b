// Signals in every command: one subscription row per waiting signal catch, and a signal thrown by the command queued
// for every other instance waiting for it (this one's catches got it in the engine); cancel drops the subscriptions.
import { Injectable, OnModuleInit } from '@nestjs/common';
import { Phase, type CancelContext, type CommandParticipant, type RunContext } from '../commands/command-context';
import { CommandParticipants } from '../commands/command-participants';
import { SignalRepository } from '../instances/signal.repository';

@Injectable()
export class SignalParticipant implements CommandParticipant, OnModuleInit {
  readonly name = 'signal subscriptions';
  readonly phase = Phase.Rows + 30;

  constructor(
    private readonly signals: SignalRepository,
    private readonly participants: CommandParticipants,
  ) {}

  onModuleInit(): void {
    this.participants.register(this);
  }

  async onRun({ em, instance, result, now, newInstance }: RunContext): Promise<void> {
    await this.signals.reconcile(em, instance.id, result.signals, now, newInstance);
    for (const name of new Set(result.thrownSignals)) await this.signals.broadcast(em, { name, variables: {}, now, exceptInstanceId: instance.id });
  }

  async onCancel({ em, instance }: CancelContext): Promise<void> {
    await this.signals.deleteForInstance(em, instance.id);
  }
}
