// SLA configuration (policies and business calendars), available to the deploy check and the runtime alike.
import { Global, Module } from '@nestjs/common';
import { SlaConfig } from './sla-config';
import { SlaController } from './sla.controller';

@Global()
@Module({ controllers: [SlaController], providers: [SlaConfig], exports: [SlaConfig] })
export class SlaModule {}
