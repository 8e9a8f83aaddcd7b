// Signals in every command: one subscription row per waiting signal catch, and a signal thrown by the command queued
// for every other instance waiting for it (this one's catches got it in the engine); cancel drops the subscriptions.
// A queued delivery (timer kind "signal") is received by the waiting catch in that instance's own command.
import { Injectable, OnModuleInit } from '@nestjs/common';
import { Phase, type CancelContext, type CommandParticipant, type RunContext } from '../commands/command-context';
import { CommandParticipation } from '../commands/command-participants';
import { modelMayHold } from '../commands/prior-waits.util';
import type { EntityManager } from 'typeorm';
import { InstanceCommandsService } from '../commands/instance-commands.service';
import type { TimerEntity } from '../database/entities';
import { SIGNAL_DELIVERY, SignalRepository, type SignalDelivery } from '../instances/signal.repository';
import { EventStarts } from '../instances/event-starts';
import { TimerKinds, type TimerHandler } from '../timers/timer-kinds';

@Injectable()
@CommandParticipation()
export class SignalParticipant implements CommandParticipant, TimerHandler, OnModuleInit {
  readonly name = 'signal subscriptions';
  readonly phase = Phase.Rows + 30;
  readonly postponeOnRefusal = true;

  constructor(
    private readonly signals: SignalRepository,
    private readonly commands: InstanceCommandsService,
    private readonly kinds: TimerKinds,
    private readonly starts: EventStarts,
  ) {}

  onModuleInit(): void {
    this.kinds.register(SIGNAL_DELIVERY, this);
  }

  async fire(em: EntityManager, timer: TimerEntity): Promise<void> {
    const delivery = JSON.parse(timer.expression ?? '{}') as SignalDelivery;
    const history = [{ at: timer.dueAt, type: 'signal.received', activityId: timer.activityId, detail: { signalId: delivery.signalId } }];
    const action = { type: 'signal' as const, activityId: timer.activityId, executionId: delivery.executionId, messageId: delivery.signalId, variables: delivery.variables };
    await this.commands.executeIn(em, timer.instanceId!, async () => ({ action, history }));
  }

  async onRun({ em, instance, model, result, now, newInstance, prior }: RunContext): Promise<void> {
    // By the model, not the last waits: another instance's broadcast may queue a delivery for a catch that just stopped
    // waiting, and the next command drops it. A model without signal catches has neither subscriptions nor deliveries.
    const none = newInstance || !modelMayHold({ model, prior, test: (e) => !!e.signalName });
    await this.signals.reconcile(em, instance.id, result.signals, now, none);
    for (const name of new Set(result.thrownSignals)) {
      await this.signals.broadcast(em, { name, variables: {}, now, exceptInstanceId: instance.id });
      // it also starts every definition with a matching signal start event
      await this.starts.start(em, { kind: 'signal', name, variables: {}, businessKey: null, now }, this.commands.eventStarter);
    }
  }

  async onCancel({ em, instance }: CancelContext): Promise<void> {
    await this.signals.deleteForInstance(em, instance.id);
  }
}
