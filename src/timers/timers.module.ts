// Timers in one home: the timers table, the kinds of its rows and their handlers, batch claiming and firing, the poller,
// and the engine's own timers and timer start events. Global: features register their kinds and write their rows here.
import { Global, Module } from '@nestjs/common';
import { CalendarTimers } from './calendar-timers';
import { EngineTimers } from './engine-timers';
import { StartTimers } from './start-timers';
import { TimerFiringService } from './timer-firing.service';
import { TimerKinds } from './timer-kinds';
import { TimerParticipant } from './timer-participant';
import { TimerPoller } from './timer-poller';
import { TimerPlanRepository } from './timer-plan.repository';
import { TimerReplanner } from './timer-replanner';
import { TimerRepository } from './timer.repository';
import { StartTimerRepository } from './start-timer.repository';
import { TimerWakeups } from './timer-wakeups';

@Global()
@Module({
  providers: [TimerKinds, TimerWakeups, TimerRepository, StartTimerRepository, TimerFiringService, TimerParticipant, EngineTimers, StartTimers, TimerPoller, TimerPlanRepository, CalendarTimers, TimerReplanner],
  exports: [TimerKinds, TimerRepository, TimerFiringService, StartTimers, CalendarTimers, TimerReplanner],
})
export class TimersModule {}
