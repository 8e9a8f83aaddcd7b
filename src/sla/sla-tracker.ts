// Runs the SLA clocks of an instance inside its commands: starts them where the diagram says, stops them when the
// instance or task ends, pauses them while the instance waits on the customer or parts, follows the priority, and
// raises sla.warning / sla.breached when a check timer falls due.
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { SlaClockEntity } from '../database/entities/sla-clock.entity';
import type { DefinitionModel } from '../engine/definition-model';
import type { HistoryItem } from '../engine/run-types';
import type { Write } from '../commands/deferred-writes';
import { SlaClockRepository } from './sla-clock.repository';
import { SlaConfig, type SlaPolicy } from './sla-config';
import { computeDueAt, warningTimes, type SlaPause } from './sla-clock.util';
import { parseDurationMs, targetKey } from './sla-target.util';

export interface SlaCommandView {
  instanceId: string;
  model: DefinitionModel;
  variables: Record<string, unknown>;
  activeActivityIds: string[];
  ended: boolean;
  /** The instance was cancelled: its clocks end as cancelled (or missed when already breached), not as met. */
  cancelled?: boolean;
  /** The command's history: process.started and task.* entries start and stop clocks. */
  history: HistoryItem[];
  /** The instance was created by this command: it has no clocks yet, so none are read. */
  newInstance?: boolean;
}

@Injectable()
export class SlaTracker {
  constructor(
    private readonly clocks: SlaClockRepository,
    private readonly config: SlaConfig,
  ) {}

  /**
   * `defer`: the command's deferred writes (its clock rows and their check timers go in its one statement of rows
   * nothing else in the command reads; tasks follow their clocks' due times by trigger, whenever in the command).
   */
  async reconcile(em: EntityManager, view: SlaCommandView, now: Date, defer: (write: Write) => void): Promise<HistoryItem[]> {
    const out: HistoryItem[] = [];
    const waiting = view.activeActivityIds.some((id) => view.model.elements[id]?.slaPause);
    const resolved = view.activeActivityIds.some((id) => view.model.elements[id]?.slaStop);
    const closedTasks = new Map(view.history.filter((h) => h.type === 'task.completed' || h.type === 'task.cancelled').map((h) => [h.detail?.taskId as string, h.type]));
    const started = this.startClocks(view, now, out);
    const existing = view.newInstance ? [] : await this.clocks.openIn(em, view.instanceId);
    for (const clock of [...existing, ...started]) {
      const policy = this.config.policies.get(clock.policy);
      if (!policy) continue;
      const taskEnd = clock.taskId ? closedTasks.get(clock.taskId) : undefined;
      let next: Date | null = null;
      if (view.ended || taskEnd || (resolved && clock.scope === 'process')) {
        this.evaluate(clock, policy, now, out); // a breach due at this very instant counts before stopping
        const cancelled = (view.cancelled || taskEnd === 'task.cancelled') && !clock.breachedAt;
        this.stop(clock, cancelled ? 'cancelled' : undefined, now, out);
      } else {
        this.retarget(clock, policy, view.variables);
        this.pauseOrResume(clock, waiting, now, out);
        next = this.evaluate(clock, policy, now, out);
      }
      // A clock started by this command is written once, with its due date, and has no check to remove yet.
      const isNew = started.includes(clock);
      defer(isNew ? this.clocks.insertWrite(em, clock) : this.clocks.saveWrite(em, clock));
      if (next || !isNew) defer(this.clocks.checkWrite(em, clock, next, now));
    }
    return out;
  }

  /** A check timer fell due: warnings and breach of that clock (the caller holds the instance lock). */
  async check(em: EntityManager, instanceId: string, clockId: string, now: Date): Promise<HistoryItem[]> {
    const clock = await this.clocks.findIn(em, instanceId, clockId);
    const policy = clock && this.config.policies.get(clock.policy);
    if (!clock || !policy || (clock.status !== 'running' && clock.status !== 'paused')) return [];
    const out: HistoryItem[] = [];
    await this.saveEvaluated(em, clock, policy, now, out);
    return out;
  }

  /** The clocks this command starts (process.started, task.created where the diagram names a policy), not yet stored. */
  private startClocks(view: SlaCommandView, now: Date, out: HistoryItem[]): SlaClockEntity[] {
    const starts: { activityId: string; taskId: string | null; scope: 'process' | 'task' }[] = [];
    if (view.history.some((h) => h.type === 'process.started')) {
      for (const info of Object.values(view.model.elements)) if (info.type === 'bpmn:StartEvent' && info.slaPolicy) starts.push({ activityId: info.id, taskId: null, scope: 'process' });
    }
    for (const h of view.history.filter((h) => h.type === 'task.created' && h.activityId && view.model.elements[h.activityId]?.slaPolicy)) {
      starts.push({ activityId: h.activityId!, taskId: h.detail?.taskId as string, scope: 'task' });
    }
    const started: SlaClockEntity[] = [];
    for (const s of starts) {
      const policy = this.config.policies.get(view.model.elements[s.activityId].slaPolicy!);
      if (!policy) continue;
      const key = targetKey(policy.targets, view.variables);
      started.push(this.clocks.create({ instanceId: view.instanceId, policy: policy.id, scope: s.scope, activityId: s.activityId, taskId: s.taskId, targetKey: key, targetMs: parseDurationMs(policy.targets[key])!, startedAt: now, pauses: [], dueAt: null, warned: [], breachedAt: null, stoppedAt: null, status: 'running' }));
      out.push(event(now, 'sla.started', s.activityId, { policy: policy.id, scope: s.scope, target: policy.targets[key], taskId: s.taskId }));
    }
    return started;
  }

  /** The priority may be set after the clock started (triage): the target follows it. */
  private retarget(clock: SlaClockEntity, policy: SlaPolicy, variables: Record<string, unknown>): void {
    const key = targetKey(policy.targets, variables);
    if (key === clock.targetKey) return;
    clock.targetKey = key;
    clock.targetMs = parseDurationMs(policy.targets[key])!;
    clock.warned = [];
  }

  private pauseOrResume(clock: SlaClockEntity, waiting: boolean, now: Date, out: HistoryItem[]): void {
    const open = clock.pauses.find((p) => p.to === null);
    if (waiting && !open) {
      clock.pauses = [...clock.pauses, { from: now.toISOString(), to: null }];
      clock.status = 'paused';
      out.push(event(now, 'sla.paused', clock.activityId, { policy: clock.policy, clockId: clock.id }));
    } else if (!waiting && open) {
      open.to = now.toISOString();
      clock.pauses = [...clock.pauses];
      clock.status = 'running';
      out.push(event(now, 'sla.resumed', clock.activityId, { policy: clock.policy, clockId: clock.id }));
    }
  }

  private stop(clock: SlaClockEntity, status: 'cancelled' | undefined, now: Date, out: HistoryItem[]): void {
    const open = clock.pauses.find((p) => p.to === null);
    if (open) open.to = now.toISOString();
    clock.stoppedAt = now;
    clock.status = status ?? (clock.breachedAt ? 'missed' : 'met');
    out.push(event(now, `sla.${clock.status}`, clock.activityId, { policy: clock.policy, clockId: clock.id, taskId: clock.taskId }));
  }

  /** Evaluates a stored clock, then saves it and its next check. */
  private async saveEvaluated(em: EntityManager, clock: SlaClockEntity, policy: SlaPolicy, now: Date, out: HistoryItem[]): Promise<void> {
    const next = this.evaluate(clock, policy, now, out);
    await this.clocks.save(em, clock);
    await this.clocks.scheduleCheck(em, clock, clock.stoppedAt ? null : next, now);
  }

  /** Raises due warnings and the breach and sets the due date; returns when the clock must next be checked. */
  private evaluate(clock: SlaClockEntity, policy: SlaPolicy, now: Date, out: HistoryItem[]): Date | null {
    const args = { startedAt: clock.startedAt, targetMs: clock.targetMs, calendar: policy.calendar, pauses: pausesOf(clock) };
    const at = clock.stoppedAt ?? now;
    const state = computeDueAt({ ...args, now: at });
    // A paused clock has no due date (it depends on the resumption) and nothing to check until it resumes.
    const paused = clock.status === 'paused';
    clock.dueAt = paused ? null : (state.dueAt ?? null);
    let next: Date | null = null;
    for (const w of warningTimes({ ...args, percentages: policy.warnAt })) {
      if (clock.warned.includes(w.percent) || !w.at) continue;
      if (w.at <= at) {
        clock.warned = [...clock.warned, w.percent];
        out.push(event(now, 'sla.warning', clock.activityId, { policy: clock.policy, clockId: clock.id, percent: w.percent, dueAt: clock.dueAt?.toISOString() ?? null }));
      } else if (!clock.stoppedAt && !paused && (!next || w.at < next)) next = w.at;
    }
    if (state.breached && !clock.breachedAt) {
      clock.breachedAt = clock.dueAt ?? now;
      out.push(event(now, 'sla.breached', clock.activityId, { policy: clock.policy, clockId: clock.id, dueAt: clock.dueAt?.toISOString() ?? null, taskId: clock.taskId }));
    } else if (!state.breached && !clock.stoppedAt && !paused && clock.dueAt && (!next || clock.dueAt < next)) next = clock.dueAt;
    return next;
  }
}

function pausesOf(clock: SlaClockEntity): SlaPause[] {
  return clock.pauses.map((p) => ({ from: new Date(p.from), to: p.to ? new Date(p.to) : null }));
}

/** SLA events reach supervisors (they watch SLAs) and, for a task, that task's roles via the outbox mapping. */
function event(at: Date, type: string, activityId: string, detail: Record<string, unknown>): HistoryItem {
  return { at, type, activityId, detail: { ...detail, role: 'supervisor' } };
}
