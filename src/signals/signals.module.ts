// Feature: signal broadcasts (the subscriptions themselves are kept by the instance commands).
import { Module } from '@nestjs/common';
import { SignalParticipant } from './signal-participant';
import { InstancesModule } from '../instances/instances.module';
import { SignalsController } from './signals.controller';
import { SignalsService } from './signals.service';

@Module({
  imports: [InstancesModule],
  controllers: [SignalsController],
  providers: [SignalsService, SignalParticipant],
})
export class SignalsModule {}
