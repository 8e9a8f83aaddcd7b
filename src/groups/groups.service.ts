// Candidate groups (admins): create, list, delete, and put users in them; every change is audited.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { actorOf, type Principal } from '../auth/principal';
import { UserRepository } from '../auth/user.repository';
import { Clock } from '../common/clock';
import { DomainError, ErrorCode } from '../common/domain-error';
import { type CreateGroupDto, type GroupDto, mapGroup } from './dto/group.dto';
import { GroupRepository } from './group.repository';

@Injectable()
export class GroupsService {
  constructor(
    private readonly db: DataSource,
    private readonly groups: GroupRepository,
    private readonly users: UserRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(): Promise<GroupDto[]> {
    return (await this.groups.list()).map(mapGroup);
  }

  async create(by: Principal | undefined, dto: CreateGroupDto): Promise<GroupDto> {
    await this.db.transaction(async (em) => {
      if (!(await this.groups.insertIfAbsent(em, { id: dto.id, name: dto.name ?? dto.id, builtIn: false, createdAt: this.clock.now() }))) {
        throw new DomainError(ErrorCode.Conflict, `group "${dto.id}" exists`);
      }
      await this.audit.record(em, { actor: actorOf(by), action: 'group.created', targetType: 'group', targetId: dto.id, detail: { name: dto.name ?? dto.id } });
    });
    return this.get(dto.id);
  }

  async delete(by: Principal | undefined, id: string): Promise<void> {
    const group = await this.get(id);
    if (group.builtIn) throw new DomainError(ErrorCode.Conflict, `group "${id}" is a built-in role and cannot be deleted`);
    await this.db.transaction(async (em) => {
      await this.groups.delete(em, id);
      await this.audit.record(em, { actor: actorOf(by), action: 'group.deleted', targetType: 'group', targetId: id });
    });
  }

  async addMember(by: Principal | undefined, id: string, username: string): Promise<GroupDto> {
    return this.changeMember(by, id, username, true);
  }

  async removeMember(by: Principal | undefined, id: string, username: string): Promise<GroupDto> {
    return this.changeMember(by, id, username, false);
  }

  private async changeMember(by: Principal | undefined, id: string, username: string, add: boolean): Promise<GroupDto> {
    await this.get(id);
    const user = await this.users.findByUsername(username);
    if (!user) throw DomainError.notFound('user', username);
    await this.db.transaction(async (em) => {
      if (add) await this.groups.addMember(em, id, user.id);
      else if (!(await this.groups.removeMember(em, id, user.id))) throw new DomainError(ErrorCode.NotFound, `user ${username} is not a member of group ${id}`);
      await this.audit.record(em, { actor: actorOf(by), action: add ? 'group.member-added' : 'group.member-removed', targetType: 'group', targetId: id, detail: { username } });
    });
    return this.get(id);
  }

  private async get(id: string): Promise<GroupDto> {
    const [group] = await this.groups.list(id);
    if (!group) throw DomainError.notFound('group', id);
    return mapGroup(group);
  }
}
