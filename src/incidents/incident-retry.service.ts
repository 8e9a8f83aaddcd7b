// Automatic incident retries: claim a due incident (SKIP LOCKED across replicas) and resume its instance in the
// same transaction; the incident policy counts the attempt or resolves it.
import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { InstanceCommandsService } from '../commands/instance-commands.service';
import { IncidentRepository } from './incident.repository';

@Injectable()
export class IncidentRetryService {
  constructor(
    private readonly incidents: IncidentRepository,
    private readonly commands: InstanceCommandsService,
    private readonly clock: Clock,
  ) {}

  async retryDue(now: Date = this.clock.now(), max = 100): Promise<number> {
    let retried = 0;
    while (retried < max && (await this.retryOne(now))) retried++;
    return retried;
  }

  private retryOne(now: Date): Promise<boolean> {
    return this.commands.transaction(async (em) => {
      const incident = await this.incidents.claimDue(em, now);
      if (!incident) return false;
      await this.commands.executeIn(em, incident.instanceId, async () => ({ action: { type: 'resume' } }));
      return true;
    });
  }
}
