// The persist step: builds the one context of a command and hands it to every participant in phase order. A command
// that fails runs its on-rollback callbacks at once; one that succeeds leaves them to its transaction.
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
import type { ProcessInstanceEntity } from '../database/entities/process-instance.entity';
import type { CompiledDefinition } from '../engine/compiled-definition';
import type { HistoryItem, RunResult } from '../engine/run-types';
import type { CancelContext, CommandContext, CommandParticipant, RunContext } from './command-context';
import { CommandParticipants } from './command-participants';
import { CommandTransactions } from './command-transactions';
import { InstanceRowRepository } from './instance-rows.repository';
import type { PriorWaits } from './prior-waits.util';
import { combineWrites, type Write } from './deferred-writes';

interface Base {
  definition: CompiledDefinition;
  instance: ProcessInstanceEntity;
}

@Injectable()
export class CommandContexts {
  constructor(
    private readonly participants: CommandParticipants,
    private readonly transactions: CommandTransactions,
    private readonly instances: InstanceRowRepository,
    private readonly clock: Clock,
  ) {}

  async persist(em: EntityManager, args: Base & { result: RunResult; history: HistoryItem[]; newInstance: boolean; inserted: boolean; prior: PriorWaits | null; holds?: ReadonlySet<string>; completedTaskId?: string; resolution?: string }): Promise<void> {
    const { instance, result } = args;
    const now = this.clock.now();
    Object.assign(instance, {
      state: result.completed ? null : result.state,
      variables: result.variables,
      status: result.completed ? 'completed' : 'active',
      activeActivityIds: result.activeActivityIds,
      endActivityId: result.endActivityId,
      revision: instance.revision + 1,
      updatedAt: now,
      endedAt: result.completed ? now : null,
    });
    await (args.inserted ? this.instances.save(em, instance) : this.instances.insert(em, instance));
    const base = this.base(em, args, now, [...args.history, ...result.history]);
    const ctx: RunContext = { ...base.ctx, kind: 'run', result, newInstance: args.newInstance, prior: args.prior, holds: (p) => !p.holdsSql || !args.holds || args.holds.has(p.name), completedTaskId: args.completedTaskId, resolution: args.resolution };
    await this.each(base, (p) => p.onRun?.(ctx));
  }

  async cancel(em: EntityManager, args: Base & { reason: string; now: Date }): Promise<void> {
    const base = this.base(em, args, args.now, []);
    const ctx: CancelContext = { ...base.ctx, kind: 'cancel', reason: args.reason };
    await this.each(base, (p) => p.onCancel?.(ctx));
  }

  async record(em: EntityManager, args: Base & { work: (history: HistoryItem[], now: Date) => Promise<void> }): Promise<void> {
    const base = this.base(em, args, this.clock.now(), []);
    await this.guard(base, () => args.work(base.ctx.history, base.ctx.now));
    await this.each(base, (p) => p.onRecord?.(base.ctx));
  }

  private base(em: EntityManager, args: Base, now: Date, history: HistoryItem[]) {
    const commit: (() => void)[] = [];
    const rollback: (() => void)[] = [];
    const writes: Write[] = [];
    const ctx: CommandContext = {
      kind: 'record',
      em,
      now,
      instance: args.instance,
      model: args.definition.model,
      history,
      defer: (write) => void (write && writes.push(write)),
      afterCommit: (fn) => commit.push(fn),
      onRollback: (fn) => rollback.push(fn),
    };
    return { ctx, commit, rollback, writes };
  }

  private async each(base: ReturnType<CommandContexts['base']>, hook: (p: CommandParticipant) => Promise<void> | undefined): Promise<void> {
    await this.guard(base, async () => {
      for (const participant of this.participants.all()) await hook(participant);
      const write = combineWrites(base.writes.splice(0));
      if (write) await base.ctx.em.query(write.sql, write.params);
    });
    const hooks = this.transactions.hooksOf(base.ctx.em);
    hooks.commit.push(...base.commit);
    hooks.rollback.push(...base.rollback);
  }

  private async guard(base: ReturnType<CommandContexts['base']>, work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (err) {
      for (const fn of base.rollback) fn();
      throw err;
    }
  }
}
