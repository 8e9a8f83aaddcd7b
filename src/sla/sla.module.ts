// SLA configuration (policies and business calendars), available to the deploy check and the runtime alike.
import { Global, Module } from '@nestjs/common';
import { SlaConfig } from './sla-config';
import { SlaClockRepository } from './sla-clock.repository';
import { SlaView } from './sla-view';
import { SlaController } from './sla.controller';

@Global()
@Module({ controllers: [SlaController], providers: [SlaConfig, SlaClockRepository, SlaView], exports: [SlaConfig] })
export class SlaModule {}
