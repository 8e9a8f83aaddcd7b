// Registers data incidents with the timers: a due timer whose firing fails on data opens an incident and is parked.
import { Injectable, OnModuleInit } from '@nestjs/common';
import { TimerKinds } from '../timers/timer-kinds';
import { DataIncidents } from './data-incidents';

@Injectable()
export class TimerDataIncidents implements OnModuleInit {
  constructor(
    private readonly kinds: TimerKinds,
    private readonly data: DataIncidents,
  ) {}

  onModuleInit(): void {
    this.kinds.onDataFailure((em, timer, err) => this.data.onTimerFailed(em, timer, err));
  }
}
