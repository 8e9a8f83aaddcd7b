// SLA configuration (policies and business calendars) for the deploy check and the runtime, and the SLA clocks' part in commands.
import { Global, Module } from '@nestjs/common';
import { DefinitionsModule } from '../definitions/definitions.module';
import { SlaConfig } from './sla-config';
import { SlaClockRepository } from './sla-clock.repository';
import { SlaView } from './sla-view';
import { SlaController } from './sla.controller';
import { SlaParticipant } from './sla-participant';
import { SlaTracker } from './sla-tracker';
import { SlaCheckTimers } from './sla-check-timers';

@Global()
@Module({ imports: [DefinitionsModule], controllers: [SlaController], providers: [SlaConfig, SlaClockRepository, SlaView, SlaTracker, SlaParticipant, SlaCheckTimers], exports: [SlaConfig, SlaView] })
export class SlaModule {}
