// Admin side of dispatch: technician profiles (skills, regions, calendar, capacity), audited.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { actorOf, type Principal } from '../auth/principal';
import { Clock } from '../common/clock';
import { DomainError, ErrorCode } from '../common/domain-error';
import { SlaConfig } from '../sla/sla-config';
import { mapTechnician, type TechnicianProfileDto } from './dto/dispatch.dto';
import { TechnicianRepository } from './technician.repository';

@Injectable()
export class TechniciansService {
  constructor(
    private readonly db: DataSource,
    private readonly technicians: TechnicianRepository,
    private readonly sla: SlaConfig,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  async get(username: string) {
    return mapTechnician(await this.find(username), null);
  }

  async put(username: string, dto: TechnicianProfileDto, principal?: Principal) {
    const t = await this.find(username);
    if (!this.sla.calendars.has(dto.calendar)) {
      throw new DomainError(ErrorCode.Invalid, `calendar: "${dto.calendar}" is not a calendar of sla.json (known: ${[...this.sla.calendars.keys()].join(', ')})`, [{ field: 'calendar', message: 'unknown calendar' }]);
    }
    const profile = { userId: t.userId, skills: dedupe(dto.skills), regions: dedupe(dto.regions), calendar: dto.calendar, capacity: dto.capacity, updatedAt: this.clock.now() };
    await this.db.transaction(async (em) => {
      await this.technicians.upsert(em, profile);
      await this.audit.record(em, { actor: actorOf(principal), action: 'technician.profile.set', targetType: 'user', targetId: t.userId, detail: { username, skills: profile.skills, regions: profile.regions, calendar: profile.calendar, capacity: profile.capacity } });
    });
    return this.get(username);
  }

  async delete(username: string, principal?: Principal): Promise<void> {
    const t = await this.find(username);
    await this.db.transaction(async (em) => {
      if (!(await this.technicians.delete(em, t.userId))) throw DomainError.notFound('Technician profile', username);
      await this.audit.record(em, { actor: actorOf(principal), action: 'technician.profile.deleted', targetType: 'user', targetId: t.userId, detail: { username } });
    });
  }

  private async find(username: string) {
    const [t] = await this.technicians.roster(username);
    if (!t) throw DomainError.notFound('Technician (an active user with the technician role)', username);
    return t;
  }
}

function dedupe(list: string[]): string[] {
  return [...new Set(list.map((s) => s.trim()))];
}
