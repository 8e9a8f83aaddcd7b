// Signal and message start events: a broadcast signal (or a message no instance waits for) starts a new instance of
// the latest version of every definition whose process starts on it, in the caller's transaction.
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainError, ErrorCode } from '../common/domain-error';
import { DefinitionCache } from '../definitions/definition-cache';
import type { CompiledDefinition } from '../engine/compiled-definition';
import type { ElementInfo } from '../engine/definition-model';
import type { HistoryItem } from '../engine/run-types';

/** Starts an instance whose start event `trigger` (the bpmn:signal or bpmn:message id) fires at once. */
export type EventStarter = (em: EntityManager, definition: CompiledDefinition, businessKey: string | null, variables: Record<string, unknown>, history: HistoryItem[], trigger: string) => Promise<{ instance: { id: string } }>;

/** A signal-started process that throws the signal again starts instances without end: stopped this deep. */
const MAX_CHAIN = 10;

@Injectable()
export class EventStarts {
  private readonly depth = new WeakMap<EntityManager, number>();

  constructor(private readonly cache: DefinitionCache) {}

  /** Starts every latest definition with a process-level start event of `kind` named `name`; returns the new instance ids. */
  async start(em: EntityManager, args: { kind: 'signal' | 'message'; name: string; variables: Record<string, unknown>; businessKey: string | null; now: Date; accept?: (start: ElementInfo) => boolean }, starter: EventStarter): Promise<string[]> {
    const targets = await this.find(em, args.kind, args.name);
    const chosen = targets.filter((t) => !args.accept || args.accept(t.start));
    if (!chosen.length) return [];
    const depth = (this.depth.get(em) ?? 0) + 1;
    if (depth > MAX_CHAIN) throw new DomainError(ErrorCode.EngineFailed, `${args.kind} "${args.name}" starts processes that throw it again, ${MAX_CHAIN} deep: nothing was changed`);
    this.depth.set(em, depth);
    try {
      const ids: string[] = [];
      for (const { definition, start } of chosen) {
        const history: HistoryItem[] = [{ at: args.now, type: `${args.kind}.start`, activityId: start.id, detail: { name: args.name } }];
        const { instance } = await starter(em, definition, args.businessKey, args.variables, history, (args.kind === 'signal' ? start.signalId : start.messageId)!);
        ids.push(instance.id);
      }
      return ids;
    } finally {
      this.depth.set(em, depth - 1);
    }
  }

  private async find(em: EntityManager, kind: 'signal' | 'message', name: string): Promise<{ definition: CompiledDefinition; start: ElementInfo }[]> {
    // Only the latest versions that mention such an event definition at all are compiled and looked at.
    const rows: { id: string }[] = await em.query(
      `SELECT id FROM (SELECT DISTINCT ON (key) id, xml FROM definitions ORDER BY key, version DESC) d WHERE strpos(d.xml, $1) > 0`,
      [kind === 'signal' ? 'signalEventDefinition' : 'messageEventDefinition'],
    );
    const found: { definition: CompiledDefinition; start: ElementInfo }[] = [];
    for (const { id } of rows) {
      const definition = await this.cache.get(id);
      const start = Object.values(definition.model.elements).find((e) => e.type === 'bpmn:StartEvent' && !e.parentId && (kind === 'signal' ? e.signalName : e.messageName) === name);
      if (start) found.push({ definition, start });
    }
    return found;
  }
}
