// User administration (admins): create, list, change roles / password / active; every change is audited with it.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { DomainError, ErrorCode } from '../common/domain-error';
import { toPage, type PageQueryDto } from '../common/page.dto';
import { mapUser, type CreateUserDto, type UpdateUserDto } from './dto/auth.dto';
import { hashPassword } from './password.util';
import { actorOf, type Principal } from './principal';
import { UserRepository } from './user.repository';
import { newRowId } from '../common/row-id';

@Injectable()
export class UsersService {
  constructor(
    private readonly db: DataSource,
    private readonly users: UserRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(query: PageQueryDto) {
    return toPage(await this.users.list(query), query, mapUser);
  }

  async create(by: Principal | undefined, dto: CreateUserDto) {
    const now = this.clock.now();
    const user = { id: newRowId(), username: dto.username, displayName: dto.displayName ?? null, passwordHash: await hashPassword(dto.password), roles: [...new Set(dto.roles)], active: true, createdAt: now, updatedAt: now };
    await this.db.transaction(async (em) => {
      if (!(await this.users.insertIfAbsent(em, user))) throw new DomainError(ErrorCode.Conflict, `username "${dto.username}" is taken`);
      await this.audit.record(em, { actor: actorOf(by), action: 'user.created', targetType: 'user', targetId: user.id, detail: { username: user.username, roles: user.roles } });
    });
    return mapUser(user);
  }

  async update(by: Principal | undefined, id: string, dto: UpdateUserDto) {
    const user = await this.users.findById(id);
    if (!user) throw DomainError.notFound('user', id);
    if (by?.kind === 'user' && by.id === id && (dto.active === false || (dto.roles && !dto.roles.includes('admin') && user.roles.includes('admin')))) {
      throw new DomainError(ErrorCode.Conflict, 'you cannot deactivate yourself or remove your own admin role; ask another admin');
    }
    const changes = {
      ...(dto.displayName !== undefined ? { displayName: dto.displayName } : {}),
      ...(dto.roles ? { roles: [...new Set(dto.roles)] } : {}),
      ...(dto.active !== undefined ? { active: dto.active } : {}),
      ...(dto.password ? { passwordHash: await hashPassword(dto.password) } : {}),
      updatedAt: this.clock.now(),
    };
    await this.db.transaction(async (em) => {
      await this.users.update(em, id, changes);
      const detail = { roles: dto.roles, active: dto.active, displayName: dto.displayName, passwordChanged: dto.password ? true : undefined };
      await this.audit.record(em, { actor: actorOf(by), action: 'user.updated', targetType: 'user', targetId: id, detail: JSON.parse(JSON.stringify(detail)) });
    });
    return mapUser({ ...user, ...changes });
  }
}
