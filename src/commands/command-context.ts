// The one context object a command hands to every participant, and the one interface a feature implements to act in it.
import type { EntityManager } from 'typeorm';
import type { ProcessInstanceEntity } from '../database/entities/process-instance.entity';
import type { DefinitionModel } from '../engine/definition-model';
import type { HistoryItem, RunResult } from '../engine/run-types';
import type { PriorWaits } from './prior-waits.util';
import type { Write } from './deferred-writes';

/** What a command does to the instance: the engine ran, the instance is cancelled, or only something is recorded on it. */
export type CommandKind = 'run' | 'cancel' | 'record';

export interface CommandContext {
  readonly kind: CommandKind;
  readonly em: EntityManager;
  readonly now: Date;
  /** The locked (or just inserted) row, already updated with the command's outcome and its new revision. */
  readonly instance: ProcessInstanceEntity;
  readonly model: DefinitionModel;
  /** The command's history so far, in order; participants append to it (the history and outbox participants write it). */
  readonly history: HistoryItem[];
  /**
   * Hands over a write to send after the last participant, with the command's other deferred writes, in one statement
   * (see deferred-writes.ts for what may be deferred: rows nothing else in the command reads).
   */
  defer(write: Write | null): void;
  /** Runs after the transaction that holds this command commits (never when it rolls back or the command fails). */
  afterCommit(fn: () => void): void;
  /** Runs when this command fails or its transaction rolls back. */
  onRollback(fn: () => void): void;
}

export interface RunContext extends CommandContext {
  readonly kind: 'run';
  readonly result: RunResult;
  /** Inserted by this command: it has no rows of any feature yet, so nothing needs to be read to reconcile them. */
  readonly newInstance: boolean;
  /**
   * The row's active activities before the command (none for a new instance; null when the command moved it to another
   * version). With `mayHaveWaited` a participant decides without a query that the instance holds none of its rows.
   */
  readonly prior: PriorWaits | null;
  /** False when `participant.holdsSql`, read with the instance's lock, said the instance holds none of its rows. */
  holds(participant: CommandParticipant): boolean;
  /** The user task this command completed, if any. */
  readonly completedTaskId?: string;
  /** How an incident of this command was resolved, if it resolves one. */
  readonly resolution?: string;
}

export interface CancelContext extends CommandContext {
  readonly kind: 'cancel';
  readonly reason: string;
}

/**
 * A feature's part in every command. Participants run in ascending `phase` (see Phase); each hook is optional. A feature
 * declares its participant in its own module (a provider marked @CommandParticipation()), so the pipeline never names a feature.
 */
export interface CommandParticipant {
  readonly name: string;
  readonly phase: number;
  /**
   * A boolean SQL expression over $1 (the instance id), read in the statement that locks the instance before a run:
   * whether it holds rows this participant must read. When false, `ctx.holds(this)` is false and it need not read them.
   */
  readonly holdsSql?: string;
  /** After the engine ran: make the feature's rows match the result, append history, or refuse (throw) to roll back. */
  onRun?(ctx: RunContext): Promise<void>;
  /** The instance is cancelled: close or drop what the feature keeps for it. */
  onCancel?(ctx: CancelContext): Promise<void>;
  /** Something was recorded on the instance without running the engine (e.g. an SLA check): history and events. */
  onRecord?(ctx: CommandContext): Promise<void>;
}

/** Phase bands. Within a band, a participant adds a small offset with a comment saying why it comes there. */
export const Phase = {
  /** The rows that keep a waiting token: tasks, timers, subscriptions, external tasks, child instances, incidents. */
  Rows: 100,
  /** Invariants over those rows (the no-stuck check): after every row is written. */
  Check: 500,
  /** Reactions to the command's history: escalations, SLA clocks, surveys. */
  React: 700,
  /** Recording the command: history rows, then outbox events built from them. */
  Record: 900,
} as const;
