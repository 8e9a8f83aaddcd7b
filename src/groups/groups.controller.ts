// REST: candidate groups of user tasks; admins manage them, analysts (who model tasks for them) may list them.
import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access.decorator';
import { Rules } from '../auth/access-rules';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/principal';
import { CreateGroupDto } from './dto/group.dto';
import { GroupsService } from './groups.service';

@ApiTags('groups')
@Controller('api/groups')
export class GroupsController {
  constructor(private readonly groups: GroupsService) {}

  @Get()
  @Access(Rules.readGroups)
  list() {
    return this.groups.list();
  }

  @Post()
  @Access(Rules.admin)
  create(@CurrentPrincipal() by: Principal, @Body() dto: CreateGroupDto) {
    return this.groups.create(by, dto);
  }

  @Delete(':id')
  @Access(Rules.admin)
  @HttpCode(204)
  delete(@CurrentPrincipal() by: Principal, @Param('id') id: string) {
    return this.groups.delete(by, id);
  }

  @Put(':id/members/:username')
  @Access(Rules.admin)
  addMember(@CurrentPrincipal() by: Principal, @Param('id') id: string, @Param('username') username: string) {
    return this.groups.addMember(by, id, username);
  }

  @Delete(':id/members/:username')
  @Access(Rules.admin)
  removeMember(@CurrentPrincipal() by: Principal, @Param('id') id: string, @Param('username') username: string) {
    return this.groups.removeMember(by, id, username);
  }
}
