// Runs a data incident's command again, as one instance command: the task completion with the worker's values, the
// parked timer, or the message with its variables; the supervisor's corrections go in with it.
import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { DomainError, ErrorCode } from '../common/domain-error';
import type { IncidentCommand, IncidentEntity } from '../database/entities/incident.entity';
import { InstanceCommandsService } from '../commands/instance-commands.service';
import { SubscriptionRepository } from '../instances/subscription.repository';
import { TaskRepository } from '../tasks/task.repository';

type Corrections = Record<string, unknown>;

function resolutionOf(corrections: Corrections): string {
  const corrected = Object.keys(corrections);
  return corrected.length ? `retried after correcting ${corrected.join(', ')}` : 'retried unchanged';
}

@Injectable()
export class DataRetries {
  constructor(
    private readonly commands: InstanceCommandsService,
    private readonly tasks: TaskRepository,
    private readonly subscriptions: SubscriptionRepository,
    private readonly clock: Clock,
  ) {}

  run(incident: IncidentEntity, command: IncidentCommand, corrections: Corrections): Promise<unknown> {
    if (command.type === 'completeTask') return this.completeTask(incident, command, corrections);
    if (command.type === 'fireTimer') return this.fireTimer(incident, command, corrections);
    return this.deliverMessage(incident, command, corrections);
  }

  private completeTask(incident: IncidentEntity, command: Extract<IncidentCommand, { type: 'completeTask' }>, corrections: Corrections) {
    return this.commands.execute(incident.instanceId, async (_instance, em) => {
      const task = await this.tasks.lockIn(em, incident.instanceId, command.taskId);
      if (task?.status !== 'open') throw new DomainError(ErrorCode.Conflict, `task ${command.taskId} is ${task?.status ?? 'gone'}`);
      const now = this.clock.now();
      await this.tasks.markCompleted(em, task.instanceId, task.id, command.values, now);
      return {
        action: { type: 'signal', activityId: task.activityId, executionId: task.executionId, variables: { ...command.values, ...corrections } },
        completedTaskId: task.id,
        history: [{ at: now, type: 'task.completed', activityId: task.activityId, detail: { taskId: task.id, assignee: task.assignee, variables: command.values, incidentId: incident.id, corrected: corrections } }],
        resolution: resolutionOf(corrections),
      };
    });
  }

  /** The corrections replace the instance's variables first (so no cached engine runs it), then the timer fires. */
  private fireTimer(incident: IncidentEntity, command: Extract<IncidentCommand, { type: 'fireTimer' }>, corrections: Corrections) {
    return this.commands.execute(incident.instanceId, async (instance) => {
      if (Object.keys(corrections).length) instance.variables = { ...instance.variables, ...corrections };
      return {
        action: { type: 'fireTimers', keys: [command.timerKey] },
        history: [{ at: this.clock.now(), type: 'timer.due', activityId: incident.activityId, detail: { incidentId: incident.id, corrected: corrections } }],
        resolution: resolutionOf(corrections),
      };
    });
  }

  private deliverMessage(incident: IncidentEntity, command: Extract<IncidentCommand, { type: 'correlateMessage' }>, corrections: Corrections) {
    return this.commands.execute(incident.instanceId, async (_instance, em) => {
      const sub = await this.subscriptions.findIn(em, incident.instanceId, command.messageName);
      if (!sub) throw new DomainError(ErrorCode.Conflict, `process instance ${incident.instanceId} no longer waits for message "${command.messageName}"`);
      const variables = { ...command.variables, ...corrections };
      return {
        action: { type: 'signal', activityId: sub.activityId, executionId: sub.executionId, messageId: sub.messageId, variables },
        history: [{ at: this.clock.now(), type: 'message.correlated', activityId: sub.activityId, detail: { messageName: command.messageName, variables, incidentId: incident.id } }],
        resolution: resolutionOf(corrections),
      };
    });
  }
}
