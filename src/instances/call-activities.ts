// Call activities: a waiting call activity is backed by a child instance (started in the parent's command); a child
// that ends (or escalates, see call-events) leaves a "callReturn" row in the timers table that resumes the parent in
// its own transaction, exactly once.
import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Phase, type CancelContext, type CommandParticipant, type RunContext } from '../commands/command-context';
import { CommandParticipation } from '../commands/command-participants';
import { InstanceCommandsService, type PrepareAction } from '../commands/instance-commands.service';
import { DomainError, ErrorCode } from '../common/domain-error';
import type { ProcessInstanceEntity } from '../database/entities/process-instance.entity';
import type { TimerEntity } from '../database/entities';
import { DefinitionCache } from '../definitions/definition-cache';
import type { CompiledDefinition } from '../engine/compiled-definition';
import type { DefinitionModel } from '../engine/definition-model';
import type { HistoryItem, RunResult, ThrownError, WaitingActivity } from '../engine/run-types';
import { mapVariables } from '../engine/variable-mapping.util';
import { TimerKinds, type TimerHandler } from '../timers/timer-kinds';
import { TimerRepository } from '../timers/timer.repository';
import { InstanceRepository } from './instance.repository';
import { CallEvents, type EscalationPayload } from './call-events';

export const CALL_RETURN = 'callReturn';
/** Calls nest at most this deep: a process that calls itself would otherwise start children without end. */
export const MAX_CALL_DEPTH = 20;

@Injectable()
@CommandParticipation()
export class CallActivities implements CommandParticipant, TimerHandler, OnModuleInit {
  readonly name = 'child instances';
  readonly phase = Phase.Rows + 50;
  readonly postponeOnRefusal = true;

  constructor(
    private readonly cache: DefinitionCache,
    private readonly commands: InstanceCommandsService,
    private readonly instances: InstanceRepository,
    private readonly timers: TimerRepository,
    private readonly kinds: TimerKinds,
    private readonly events: CallEvents,
  ) {}

  onModuleInit(): void {
    this.kinds.register(CALL_RETURN, this);
  }

  /** A callReturn row fell due: the parent's call activity completes (or throws the child's error) in this transaction. */
  async fire(em: EntityManager, timer: TimerEntity): Promise<void> {
    await this.commands.executeIn(em, timer.instanceId!, this.returnToParent(timer));
  }

  async onRun({ em, instance, model, result, now, newInstance, history }: RunContext): Promise<void> {
    history.push(...(await this.reconcile(em, { parent: instance, model, calls: result.calls, now, newInstance, history })));
    await this.childReported(em, instance, result, now);
  }

  /** A cancelled instance cancels its active children (in this transaction). */
  async onCancel({ em, instance, reason }: CancelContext): Promise<void> {
    for (const child of await this.instances.activeChildren(em, instance.id)) await this.commands.cancelIn(em, child, `parent instance cancelled: ${reason}`);
  }

  /**
   * Starts a child for each new waiting call (and for a call whose child ended with nothing left to return and no open
   * incident: a retried one); cancels the active children whose call no longer waits (interrupted). `history` is the
   * command's own (a return it consumed).
   */
  private async reconcile(em: EntityManager, args: { parent: ProcessInstanceEntity; model: DefinitionModel; calls: WaitingActivity[]; now: Date; newInstance?: boolean; history: HistoryItem[] }): Promise<HistoryItem[]> {
    const { parent, model, calls, now } = args;
    if (args.newInstance && !calls.length) return [];
    const history: HistoryItem[] = args.history.length ? await this.events.consume(em, parent.id, args.history, now) : [];
    // A definition without call activities has no children: no lookup by parent (a query over every shard under Citus).
    const mayHaveChildren = !args.newInstance && Object.values(model.elements).some((e) => e?.call);
    const children: { id: string; parent_execution_id: string; status: string }[] = !mayHaveChildren ? [] : await em.query('SELECT id, parent_execution_id, status FROM process_instances WHERE parent_instance_id = $1', [parent.id]);
    const byExecution = await this.busyCalls(em, parent.id, children, calls);
    const waiting = new Set(calls.map((c) => c.executionId));
    for (const child of children.filter((c) => c.status === 'active' && !waiting.has(c.parent_execution_id))) {
      await this.commands.cancelIn(em, child.id, 'the calling activity was interrupted');
    }
    // A return queued for a call that no longer waits has nothing to resume.
    if (children.length) await this.timers.dropStale(em, parent.id, CALL_RETURN, 3, [...waiting]);
    const fresh = calls.filter((c) => !byExecution.has(c.executionId) && model.elements[c.activityId]?.call);
    if (fresh.length && (await this.depth(em, parent.id)) >= MAX_CALL_DEPTH) {
      throw new DomainError(ErrorCode.EngineFailed, `call activity ${fresh[0].activityId}: calls are nested ${MAX_CALL_DEPTH} deep (does a process call itself?)`);
    }
    for (const call of fresh) {
      const info = model.elements[call.activityId]!.call!;
      const callee = await this.callee(call.activityId, info.calledElement, info.version);
      const variables = mapVariables({ mappings: info.inputs, source: { ...parent.variables, ...call.localVariables } });
      const businessKey = info.inputs.some((m) => m.businessKey) ? parent.businessKey : null;
      await this.commands.startIn(em, callee, businessKey, variables, [], { parentInstanceId: parent.id, parentExecutionId: call.executionId, parentActivityId: call.activityId });
      history.push({ at: now, type: 'call.started', activityId: call.activityId, detail: { definitionKey: callee.key, definitionVersion: callee.version } });
    }
    return history;
  }

  /** After a child's command: its uncaught escalations and, when it ended, its return go to the parent. */
  private async childReported(em: EntityManager, child: ProcessInstanceEntity, result: RunResult, now: Date): Promise<void> {
    if (!child.parentInstanceId) return;
    await this.events.queue(em, child, result.escalations ?? [], now, CALL_RETURN);
    if (result.completed) await this.childEnded(em, child, result.thrownError, now);
  }

  /** A child ended (normally or by a BPMN error): queue the parent's resumption, due at once. */
  private async childEnded(em: EntityManager, child: ProcessInstanceEntity, thrown: ThrownError | undefined, now: Date): Promise<void> {
    if (!child.parentInstanceId) return;
    const key = `child:${child.id}:${child.parentExecutionId}`;
    await this.timers.upsert(em, [{ instanceId: child.parentInstanceId, activityId: child.parentActivityId!, timerKey: key, timerType: CALL_RETURN, expression: thrown ? JSON.stringify(thrown) : null, dueAt: now }], now);
  }

  /** The parent's command for a callReturn row: complete the call activity with out-mapped variables, or throw the error. */
  private returnToParent(timer: TimerEntity): PrepareAction {
    return async (parent, em) => {
      const [, childId, executionId] = timer.timerKey.split(':');
      // The row goes when the call no longer waits (reconcile) or the command consumed it (call-events); a failed
      // command keeps it for a retry.
      const history: HistoryItem[] = [{ at: timer.dueAt, type: 'call.returned', activityId: timer.activityId, detail: { childInstanceId: childId } }];
      const model = (await this.cache.get(parent.definitionId)).model;
      const [child] = await em.query('SELECT variables, definition_key FROM process_instances WHERE id = $1', [childId]);
      const row = { activityId: timer.activityId, executionId, timerKey: timer.timerKey, childId, childKey: child?.definition_key, at: timer.dueAt };
      const payload = timer.expression ? (JSON.parse(timer.expression) as ThrownError | EscalationPayload) : null;
      if (payload && 'escalation' in payload) return this.events.escalation(model, row, payload.escalation);
      if (payload) return this.events.error(model, row, payload);
      const outputs = model.elements[timer.activityId]?.call?.outputs ?? [];
      const variables = mapVariables({ mappings: outputs, source: child?.variables ?? {} });
      return { action: { type: 'signal', activityId: timer.activityId, executionId, variables }, history };
    };
  }

  /** The calls that have a child to wait for: an active one, a return not yet applied, or an open incident (a failed child). */
  private async busyCalls(em: EntityManager, parentId: string, children: { parent_execution_id: string; status: string }[], calls: WaitingActivity[]): Promise<Set<string>> {
    const busy = new Set(children.filter((c) => c.status === 'active').map((c) => c.parent_execution_id));
    const ended = new Set(children.map((c) => c.parent_execution_id));
    if (!calls.some((c) => ended.has(c.executionId) && !busy.has(c.executionId))) return ended;
    const rows: { execution_id: string }[] = await em.query(
      `SELECT split_part(timer_key, ':', 3) AS execution_id FROM timers WHERE instance_id = $1 AND timer_type = $2
       UNION SELECT execution_id FROM incidents WHERE instance_id = $1 AND status <> 'resolved'`,
      [parentId, CALL_RETURN],
    );
    for (const r of rows) busy.add(r.execution_id);
    return busy;
  }

  private async depth(em: EntityManager, instanceId: string): Promise<number> {
    const [row] = await em.query(
      `WITH RECURSIVE chain AS (SELECT id, parent_instance_id, 1 AS depth FROM process_instances WHERE id = $1
         UNION ALL SELECT p.id, p.parent_instance_id, c.depth + 1 FROM process_instances p JOIN chain c ON p.id = c.parent_instance_id)
       SELECT max(depth)::int AS depth FROM chain`,
      [instanceId],
    );
    return row?.depth ?? 1;
  }

  private async callee(activityId: string, key: string, version: number | undefined): Promise<CompiledDefinition> {
    try {
      return await this.cache.version(key, version);
    } catch (err) {
      if (err instanceof DomainError) throw new DomainError(ErrorCode.NotFound, `call activity ${activityId}: process ${key}${version ? ` version ${version}` : ''} is not deployed`);
      throw err;
    }
  }
}
