// Feature: people named by forms and actions (user picker, server-side check). Global: tasks and escalations check names.
import { Global, Module } from '@nestjs/common';
import { PeopleController } from './people.controller';
import { PeopleRepository } from './people.repository';
import { PeopleService } from './people.service';

@Global()
@Module({ controllers: [PeopleController], providers: [PeopleRepository, PeopleService], exports: [PeopleService] })
export class PeopleModule {}
