// Correlates a named message to the active instances waiting for it (by business key or instance id).
import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { DomainError, ErrorCode } from '../common/domain-error';
import { InstanceCommandsService } from '../instances/instance-commands.service';
import { SubscriptionRepository } from '../instances/subscription.repository';
import { CorrelateMessageDto } from './dto/message.dto';

@Injectable()
export class MessagesService {
  constructor(
    private readonly subscriptions: SubscriptionRepository,
    private readonly commands: InstanceCommandsService,
    private readonly clock: Clock,
  ) {}

  async correlate(dto: CorrelateMessageDto): Promise<{ processInstanceIds: string[] }> {
    const target = { businessKey: dto.businessKey, processInstanceId: dto.processInstanceId };
    const found = await this.subscriptions.find(dto.messageName, target);
    const instanceIds = [...new Set(found.map((s) => s.instanceId))];
    const delivered: string[] = [];
    for (const instanceId of instanceIds) {
      const ok = await this.deliver(instanceId, dto).catch((err) => {
        if (err instanceof DomainError && err.code === ErrorCode.Conflict) return false; // finished or consumed meanwhile
        throw err;
      });
      if (ok) delivered.push(instanceId);
    }
    if (!delivered.length) {
      const who = dto.processInstanceId ? `process instance ${dto.processInstanceId}` : `business key "${dto.businessKey}"`;
      throw new DomainError(ErrorCode.NotFound, `no active process instance with ${who} is waiting for message "${dto.messageName}"`);
    }
    return { processInstanceIds: delivered };
  }

  private async deliver(instanceId: string, dto: CorrelateMessageDto): Promise<boolean> {
    await this.commands.execute(instanceId, async (_instance, em) => {
      const sub = await this.subscriptions.findIn(em, instanceId, dto.messageName);
      if (!sub) throw new DomainError(ErrorCode.Conflict, 'no longer waiting');
      return {
        action: { type: 'signal', activityId: sub.activityId, executionId: sub.executionId, messageId: sub.messageId, variables: dto.variables },
        history: [{ at: this.clock.now(), type: 'message.correlated', activityId: sub.activityId, detail: { messageName: dto.messageName, variables: dto.variables ?? {} } }],
      };
    });
    return true;
  }
}
