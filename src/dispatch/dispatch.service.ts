// Dispatch: proposes a technician for a request (the assignTechnician handler), shows each one's load, and lets a
// supervisor override the choice in one command transaction (variable, open tasks, history, audit together).
import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { actorOf, type Principal } from '../auth/principal';
import { Clock } from '../common/clock';
import { DomainError, ErrorCode } from '../common/domain-error';
import type { HandlerContext } from '../engine/service-registry';
import { InstanceCommandsService } from '../commands/instance-commands.service';
import { PeopleService } from '../people/people.service';
import { SlaConfig } from '../sla/sla-config';
import { isWorkingTime } from '../sla/business-time.util';
import { chooseTechnician, type RosterEntry } from './dispatch-choice.util';
import { mapTechnician, type OverrideDispatchDto } from './dto/dispatch.dto';
import { TechnicianRepository, type TechnicianRow } from './technician.repository';

@Injectable()
export class DispatchService {
  constructor(
    private readonly technicians: TechnicianRepository,
    private readonly sla: SlaConfig,
    private readonly clock: Clock,
    private readonly commands: InstanceCommandsService,
    private readonly people: PeopleService,
    private readonly audit: AuditService,
  ) {}

  /** The assignTechnician handler: sets `technician` (or null) and `dispatch` (who, why, when); never fails the command. */
  async propose(ctx: HandlerContext): Promise<Record<string, unknown>> {
    const { variables, now } = ctx;
    let choice;
    try {
      const roster = (await this.technicians.rosterDuringCommand()).filter(hasProfile).map(toRosterEntry);
      choice = chooseTechnician({ roster, faultType: variables.faultType, region: variables.region, priority: variables.priority, now, calendars: this.sla.calendars });
    } catch (err) {
      // A failed roster read leaves the request to the technician group rather than stopping it.
      choice = { technician: null, reason: `dispatch could not read the roster: ${(err as Error).message}`, considered: [] };
    }
    const detail = { technician: choice.technician, reason: choice.reason, faultType: variables.faultType ?? null, region: variables.region ?? null, priority: variables.priority ?? null, considered: choice.considered };
    ctx.record(choice.technician ? 'technician.proposed' : 'technician.unavailable', detail);
    return { technician: choice.technician, dispatch: { technician: choice.technician, reason: choice.reason, by: 'assignTechnician', at: now.toISOString() } };
  }

  /** Every technician with profile, open work and whether their calendar has them on duty now. */
  async load() {
    const now = this.clock.now();
    return (await this.technicians.roster()).map((t) => mapTechnician(t, this.onDuty(t, now)));
  }

  async override(instanceId: string, dto: OverrideDispatchDto, principal?: Principal) {
    await this.people.requireHolder(dto.technician, 'technician', 'technician');
    const actor = actorOf(principal);
    const { instance } = await this.commands.execute(instanceId, async (locked, em) => {
      const from = typeof locked.variables.technician === 'string' ? locked.variables.technician : null;
      if (from === dto.technician) throw new DomainError(ErrorCode.Conflict, `${dto.technician} is already the technician of this request`);
      const now = this.clock.now();
      // Read by the run that follows (it recovers from these variables), so later technician tasks go to them too.
      locked.variables = { ...locked.variables, technician: dto.technician, dispatch: { technician: dto.technician, reason: dto.reason, by: actor, at: now.toISOString(), overrides: from } };
      const taskIds = await this.technicians.moveOpenTasks(em, { instanceId, from, to: dto.technician, now });
      const detail = { from, to: dto.technician, reason: dto.reason, taskIds };
      await this.audit.record(em, { actor, action: 'dispatch.overridden', targetType: 'process-instance', targetId: instanceId, detail });
      return { action: { type: 'resume' }, history: [{ at: now, type: 'technician.overridden', activityId: null, detail: { ...detail, by: actor } }] };
    });
    return { processInstanceId: instance.id, technician: instance.variables.technician, dispatch: instance.variables.dispatch };
  }

  private onDuty(t: TechnicianRow, now: Date): boolean | null {
    const calendar = t.calendar ? this.sla.calendars.get(t.calendar) : undefined;
    return calendar ? isWorkingTime({ at: now, calendar }) : null;
  }
}

function hasProfile(t: TechnicianRow): boolean {
  return t.capacity !== null;
}

function toRosterEntry(t: TechnicianRow): RosterEntry {
  return { username: t.username, skills: t.skills ?? [], regions: t.regions ?? [], calendar: t.calendar ?? '', capacity: t.capacity ?? 0, openWork: t.openWork };
}
