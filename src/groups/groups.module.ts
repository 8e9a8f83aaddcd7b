// Feature: candidate groups of user tasks (data, not a fixed list); the built-in roles are the default groups.
// Global: the deploy check and the task list read groups.
import { Global, Module } from '@nestjs/common';
import { UserRepository } from '../auth/user.repository';
import { GroupRepository } from './group.repository';
import { GroupsController } from './groups.controller';
import { GroupsService } from './groups.service';

@Global()
@Module({ controllers: [GroupsController], providers: [GroupRepository, GroupsService, UserRepository], exports: [GroupRepository] })
export class GroupsModule {}
