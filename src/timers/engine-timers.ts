// The "engine" timer kind: a due BPMN timer of an instance runs the instance's fire-timers command.
import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
import { InstanceCommandsService } from '../commands/instance-commands.service';
import type { TimerEntity } from '../database/entities';
import { ENGINE_TIMER, TimerKinds, type TimerHandler } from './timer-kinds';

@Injectable()
export class EngineTimers implements TimerHandler, OnModuleInit {
  readonly postponeOnRefusal = true;

  constructor(
    private readonly commands: InstanceCommandsService,
    private readonly clock: Clock,
    private readonly kinds: TimerKinds,
  ) {}

  onModuleInit(): void {
    this.kinds.register(ENGINE_TIMER, this);
  }

  async fire(em: EntityManager, timer: TimerEntity): Promise<void> {
    const history = [dueEntry(timer, this.clock.now())];
    await this.commands.executeIn(em, timer.instanceId!, async () => ({ action: { type: 'fireTimers', keys: [timer.timerKey] }, history }));
  }
}

/** The history entry of a timer that fell due. */
export function dueEntry(timer: TimerEntity, at: Date) {
  return { at, type: 'timer.due', activityId: timer.activityId, detail: { dueAt: timer.dueAt.toISOString() } };
}
