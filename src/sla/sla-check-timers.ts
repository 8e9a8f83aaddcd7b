// The "slaCheck" timer kind: a clock's check fell due, so its warnings and breach are recorded and published under the
// instance lock (nothing is recorded for an instance that is gone).
import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { InstanceCommandsService } from '../commands/instance-commands.service';
import type { TimerEntity } from '../database/entities';
import { TimerKinds, type TimerHandler } from '../timers/timer-kinds';
import { SLA_CHECK, SLA_TIMER_PREFIX } from './sla-clock.repository';
import { SlaTracker } from './sla-tracker';

@Injectable()
export class SlaCheckTimers implements TimerHandler, OnModuleInit {
  readonly postponeOnRefusal = false;

  constructor(
    private readonly commands: InstanceCommandsService,
    private readonly sla: SlaTracker,
    private readonly kinds: TimerKinds,
  ) {}

  onModuleInit(): void {
    this.kinds.register(SLA_CHECK, this);
  }

  async fire(em: EntityManager, timer: TimerEntity): Promise<void> {
    const clockId = timer.timerKey.slice(SLA_TIMER_PREFIX.length);
    await this.commands.recordIn(em, timer.instanceId!, async (history, now) => void history.push(...(await this.sla.check(em, timer.instanceId!, clockId, now))));
  }
}
