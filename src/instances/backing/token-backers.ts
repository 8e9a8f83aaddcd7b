// "No stuck instance": every waiting activity must be backed by something that can move it. Features register what
// backs a token (a TokenBacker answering with activity ids); the built-in ones are read in one query.
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainError, ErrorCode } from '../../common/domain-error';
import type { DefinitionModel } from '../../engine/definition-model';

export interface TokenBacker {
  /** What it is, for messages: "an external task". */
  readonly kind: string;
  /** The activities of an instance it backs (it reads its rows in the caller's transaction)… */
  activityIds?(em: EntityManager, instanceId: string): Promise<string[]>;
  /** …or a `SELECT activity_id … WHERE instance_id = $1`, read in the same query as the built-in ones (one round trip)… */
  activityIdsSql?: string;
  /** …or, with no read at all, whether the element itself is movable by any later command (e.g. a condition on the variables). */
  backsElement?(model: DefinitionModel, activityId: string): boolean;
}

export interface UnbackedToken {
  activityId: string;
  type: string;
}

/** Activities that wait through what is inside or around them, not through a row of their own. */
const CONTAINERS = new Set(['bpmn:SubProcess', 'bpmn:Transaction', 'bpmn:AdHocSubProcess']);
const JOINS = new Set(['bpmn:ParallelGateway', 'bpmn:InclusiveGateway', 'bpmn:ComplexGateway', 'bpmn:EventBasedGateway']);

const BUILT_IN = `
  SELECT activity_id FROM tasks WHERE instance_id = $1 AND status = 'open'
  UNION SELECT activity_id FROM timers WHERE instance_id = $1
  UNION SELECT activity_id FROM message_subscriptions WHERE instance_id = $1
  UNION SELECT activity_id FROM signal_subscriptions WHERE instance_id = $1
  UNION SELECT activity_id FROM incidents WHERE instance_id = $1 AND status <> 'resolved'
  UNION SELECT parent_activity_id FROM process_instances WHERE parent_instance_id = $1 AND status = 'active'`;

@Injectable()
export class TokenBackers {
  private readonly extra: TokenBacker[] = [];

  /** Adds a kind of backing (external tasks, signal subscriptions, …). */
  register(backer: TokenBacker): void {
    this.extra.push(backer);
  }

  kinds(): string[] {
    return ['an open task', 'an armed timer', 'a message or signal subscription', 'an incident', 'a child instance', ...this.extra.map((b) => b.kind)];
  }

  /** A command that would leave a token nothing can move fails (422, naming each element), so its transaction rolls back. */
  async assertBacked(em: EntityManager, args: { instanceId: string; model: DefinitionModel; activeActivityIds: string[]; backedByRun?: Set<string> }): Promise<void> {
    const unbacked = await this.unbacked(em, args);
    if (!unbacked.length) return;
    const details = unbacked.map((u) => ({ elementId: u.activityId, message: describeUnbacked(u, this.kinds()) }));
    throw new DomainError(ErrorCode.EngineFailed, `the process would be stuck, so nothing was changed: ${details.map((d) => d.message).join('; ')}`, details);
  }

  /**
   * The active activities of an instance that nothing can move. `backedByRun`: activities the command's own run left a
   * wait at (its rows are written in this transaction); when they and the model account for every token, no query.
   */
  async unbacked(em: EntityManager, args: { instanceId: string; model: DefinitionModel; activeActivityIds: string[]; backedByRun?: Set<string> }): Promise<UnbackedToken[]> {
    const { instanceId, activeActivityIds } = args;
    if (!activeActivityIds.length) return [];
    if (args.backedByRun && !this.unbackedAmong(args, args.backedByRun).length) return [];
    const sql = [BUILT_IN, ...this.extra.flatMap((b) => (b.activityIdsSql ? [b.activityIdsSql] : []))].join(' UNION ');
    const rows: { activity_id: string }[] = await em.query(sql, [instanceId]);
    const backed = new Set(rows.map((r) => r.activity_id));
    for (const backer of this.extra) for (const id of (await backer.activityIds?.(em, instanceId)) ?? []) backed.add(id);
    return this.unbackedAmong(args, backed);
  }

  private unbackedAmong({ model, activeActivityIds }: { model: DefinitionModel; activeActivityIds: string[] }, backed: Set<string>): UnbackedToken[] {
    const active = new Set(activeActivityIds);
    const inside = (containerId: string) => activeActivityIds.some((id) => id !== containerId && isWithin(model, id, containerId));
    const others = (id: string) => activeActivityIds.some((o) => o !== id && !JOINS.has(model.elements[o]?.type ?? ''));
    return activeActivityIds
      .filter((id) => {
        if (backed.has(id)) return false;
        if (this.extra.some((b) => b.backsElement?.(model, id))) return false;
        const info = model.elements[id];
        if (!info) return true;
        if (CONTAINERS.has(info.type)) return !inside(id);
        // A boundary event moves when its activity throws, ends or times out: it is as alive as that activity.
        if (info.type === 'bpmn:BoundaryEvent') return !(info.attachedTo && active.has(info.attachedTo));
        // A join waits for the other branches: alive while some other token is.
        if (JOINS.has(info.type)) return !others(id);
        return true;
      })
      .map((id) => ({ activityId: id, type: model.elements[id]?.type ?? 'unknown' }));
  }
}

function isWithin(model: DefinitionModel, id: string, containerId: string): boolean {
  for (let p = model.elements[id]?.parentId; p; p = model.elements[p]?.parentId) if (p === containerId) return true;
  return false;
}

export function describeUnbacked(u: UnbackedToken, kinds: string[]): string {
  return `${u.activityId} (${u.type.replace('bpmn:', '')}) waits with nothing to move it: no ${kinds.map((k) => k.replace(/^an? /, '')).join(', ')}`;
}
