// What a child throws and does not catch reaches its parent's call activity: an escalation is queued as a "callReturn"
// row and delivered to the escalation boundary on the call; a BPMN error no boundary there catches opens an incident
// on the parent at the call activity (retry calls the process again, resolve completes the call by hand).
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { newRowId } from '../common/row-id';
import type { ProcessInstanceEntity } from '../database/entities/process-instance.entity';
import type { DefinitionModel } from '../engine/definition-model';
import { catchingBoundary } from '../engine/event-codes';
import type { Action, HistoryItem, ThrownError, ThrownEscalation } from '../engine/run-types';
import { IncidentRepository } from '../incidents/incident.repository';
import { TimerRepository } from '../timers/timer.repository';

/** History of a return command whose row the call still waiting must drop itself (reconcile only drops rows of calls that ended). */
const CONSUMED = new Set(['call.error_uncaught', 'call.escalated', 'call.escalation_uncaught']);

export type EscalationPayload = { escalation: ThrownEscalation };

@Injectable()
export class CallEvents {
  constructor(
    private readonly incidents: IncidentRepository,
    private readonly timers: TimerRepository,
  ) {}

  /** The child's uncaught escalations, each a row for its parent, due just before a return the same command may queue. */
  async queue(em: EntityManager, child: ProcessInstanceEntity, escalations: ThrownEscalation[], now: Date, type: string): Promise<void> {
    if (!escalations.length) return;
    // An escalation end event ends the child in the same command: the parent sees the escalation first, so an
    // interrupting boundary takes the flow before the return would complete the call.
    const dueAt = new Date(now.getTime() - 1);
    const rows = escalations.map((escalation) => ({
      instanceId: child.parentInstanceId!,
      activityId: child.parentActivityId!,
      timerKey: `child:${child.id}:${child.parentExecutionId}:${newRowId()}`,
      timerType: type,
      expression: JSON.stringify({ escalation } satisfies EscalationPayload),
      dueAt,
    }));
    await this.timers.upsert(em, rows, now);
  }

  /** A child's BPMN error: the boundary on the call that catches its code takes it, else the parent gets an incident. */
  error(model: DefinitionModel, row: { activityId: string; executionId: string; timerKey: string; childId: string; childKey?: string; at: Date }, error: ThrownError): { action: Action; history: HistoryItem[] } {
    const { activityId, executionId, timerKey, childId, childKey, at } = row;
    if (catchingBoundary(model, activityId, 'error', error.code)) {
      return { action: { type: 'callError', activityId, executionId, error }, history: [{ at, type: 'call.returned', activityId, detail: { childInstanceId: childId, errorCode: error.code } }] };
    }
    const message = `call activity ${activityId}: the called process ${childKey ?? ''} (instance ${childId}) ended with BPMN error ${error.code ?? error.name ?? ''} (${error.message}) that no error boundary on the call activity catches`;
    return { action: { type: 'resume' }, history: [{ at, type: 'call.error_uncaught', activityId, detail: { childInstanceId: childId, executionId, timerKey, error: message } }] };
  }

  /** A child's escalation: the boundary on the call that catches its code is triggered; none catching it, it is dropped (recorded). */
  escalation(model: DefinitionModel, row: { activityId: string; timerKey: string; childId: string; at: Date }, escalation: ThrownEscalation): { action: Action; history: HistoryItem[] } {
    const { activityId, timerKey, childId, at } = row;
    const detail = { childInstanceId: childId, timerKey, escalationCode: escalation.code };
    const boundary = catchingBoundary(model, activityId, 'escalation', escalation.code);
    if (!boundary) return { action: { type: 'resume' }, history: [{ at, type: 'call.escalation_uncaught', activityId, detail }] };
    const action: Action = { type: 'callEscalation', activityId, boundaryId: boundary.id, escalation: { id: boundary.event?.refId ?? null, name: boundary.event?.name ?? null } };
    return { action, history: [{ at, type: 'call.escalated', activityId, detail: { ...detail, boundaryId: boundary.id } }] };
  }

  /** After the parent's command ran: drop the rows it consumed and open the incidents of uncaught errors (their history, as the incident policy writes it). */
  async consume(em: EntityManager, parentId: string, history: HistoryItem[], now: Date): Promise<HistoryItem[]> {
    const opened: HistoryItem[] = [];
    for (const item of history.filter((h) => CONSUMED.has(h.type))) {
      await this.timers.deleteKey(em, parentId, String(item.detail!.timerKey));
      if (item.type !== 'call.error_uncaught') continue;
      // Not transient: retrying by itself would call the process again unasked, so the incident opens for a person.
      const { executionId, error } = item.detail as { executionId: string; error: string };
      await this.incidents.insert(em, { instanceId: parentId, activityId: item.activityId!, executionId, error, attempts: 1, status: 'open', nextRetryAt: null, createdAt: now, updatedAt: now, resolvedAt: null, resolution: null });
      opened.push({ at: now, type: 'incident.created', activityId: item.activityId, detail: { error, attempts: 1, status: 'open', role: 'supervisor' } });
    }
    return opened;
  }
}
