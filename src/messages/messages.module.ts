// Feature: message correlation.
import { Module } from '@nestjs/common';
import { MessageParticipant } from './message-participant';
import { DefinitionsModule } from '../definitions/definitions.module';
import { InstancesModule } from '../instances/instances.module';
import { IncidentsModule } from '../incidents/incidents.module';
import { MessagesController } from './messages.controller';
import { MessagesService } from './messages.service';
import { AwaitedMessagesService } from './awaited-messages.service';

@Module({ imports: [InstancesModule, DefinitionsModule, IncidentsModule], controllers: [MessagesController], providers: [MessagesService, AwaitedMessagesService, MessageParticipant] })
export class MessagesModule {}
