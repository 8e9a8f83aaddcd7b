// Incidents for people: list, retry now (after fixing the cause), or resolve by completing the task by hand.
import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode } from '../common/domain-error';
import { toPage, type Page } from '../common/page.dto';
import { InstanceCommandsService } from '../instances/instance-commands.service';
import { IncidentQueryDto, mapIncident, ResolveIncidentDto } from './dto/incident.dto';
import { IncidentRepository } from './incident.repository';

@Injectable()
export class IncidentsService {
  constructor(
    private readonly incidents: IncidentRepository,
    private readonly commands: InstanceCommandsService,
  ) {}

  async list(query: IncidentQueryDto): Promise<Page<ReturnType<typeof mapIncident>>> {
    return toPage(await this.incidents.list(query), query, mapIncident);
  }

  async get(id: string) {
    return mapIncident(await this.find(id));
  }

  /** Runs the failed handler again now; the incident is resolved if it succeeds, or counts one more attempt. */
  async retry(id: string) {
    const incident = await this.unresolved(id);
    await this.commands.execute(incident.instanceId, async () => ({ action: { type: 'resume' } }));
    return this.get(id);
  }

  /** Completes the failed service task without its handler (someone did the work by hand). */
  async resolve(id: string, dto: ResolveIncidentDto) {
    const incident = await this.unresolved(id);
    await this.commands.execute(incident.instanceId, async () => ({
      action: { type: 'resume', skip: { executionId: incident.executionId, variables: dto.variables ?? {} } },
      resolution: `resolved by hand: ${dto.note}`,
    }));
    return this.get(id);
  }

  private async unresolved(id: string) {
    const incident = await this.find(id);
    if (incident.status === 'resolved') throw new DomainError(ErrorCode.Conflict, `incident ${id} is already resolved`);
    return incident;
  }

  private async find(id: string) {
    const incident = await this.incidents.findById(id);
    if (!incident) throw DomainError.notFound('Incident', id);
    return incident;
  }
}
