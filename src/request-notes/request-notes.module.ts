// Feature: comments and attachments on a request (stored in PostgreSQL, recorded in history and the audit log).
import { Module } from '@nestjs/common';
import { InstancesModule } from '../instances/instances.module';
import { RequestNotesController } from './request-notes.controller';
import { RequestNotesRepository } from './request-notes.repository';
import { RequestNotesService } from './request-notes.service';

@Module({ imports: [InstancesModule], controllers: [RequestNotesController], providers: [RequestNotesRepository, RequestNotesService] })
export class RequestNotesModule {}
