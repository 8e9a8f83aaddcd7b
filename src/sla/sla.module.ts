// SLA configuration (policies and business calendars), available to the deploy check and the runtime alike.
import { Global, Module } from '@nestjs/common';
import { SlaConfig } from './sla-config';

@Global()
@Module({ providers: [SlaConfig], exports: [SlaConfig] })
export class SlaModule {}
