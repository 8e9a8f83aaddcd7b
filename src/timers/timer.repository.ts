// The timers table, and the only place that writes it: engine timers reconciled after each command, rows of other kinds
// (SLA checks, call returns, signal deliveries) written for their features, due rows claimed in batches.
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { TimerEntity } from '../database/entities';
import type { ArmedTimer } from '../engine/durable-timers';
import type { Write } from '../commands/deferred-writes';
import { newRowId } from '../common/row-id';
import { StartTimerRepository } from './start-timer.repository';

/** A row to write: the id and creation time are filled in. */
export type NewTimer = Omit<TimerEntity, 'id' | 'createdAt' | 'firedCount' | 'definitionId' | 'instanceId'> & { instanceId: string; firedCount?: number };

const NO_PLAN = { calendar: null, pauseWith: null, workFrom: null, workMs: null, pausedAt: null, calendarVersion: null };
const PLAN_COLUMNS = ['calendar', 'pause_with', 'work_from', 'work_ms', 'paused_at', 'calendar_version'];

const COLUMNS = 't.id, t.instance_id, t.activity_id, t.timer_key, t.timer_type, t.expression, t.due_at, t.created_at, t.fired_count';

@Injectable()
export class TimerRepository {
  constructor(
    private readonly db: DataSource,
    private readonly starts: StartTimerRepository,
  ) {}

  /** Makes the instance's engine timers equal to the armed set (rows of `featureKinds` are left alone). */
  async reconcile(em: EntityManager, instanceId: string, armed: Array<ArmedTimer & { plan?: Partial<TimerEntity> }>, now: Date, newInstance: boolean, featureKinds: string[]): Promise<void> {
    // A new instance has none to drop.
    if (!newInstance) await em.query('DELETE FROM timers WHERE instance_id = $1 AND NOT (timer_key = ANY($2::text[])) AND NOT (timer_type = ANY($3::text[]))', [instanceId, armed.map((t) => t.key), featureKinds]);
    // A repeating timer re-armed by this command keeps its key and gets its next due time.
    const fresh = armed.filter((t) => !t.rearmed);
    // A timer on a business calendar carries its plan (calendar-timers.ts); the others clear those columns.
    const rows = fresh.map((t) => ({ ...NO_PLAN, ...t.plan, instanceId, activityId: t.activityId, timerKey: t.key, timerType: t.timerType, expression: t.expression, dueAt: t.dueAt }));
    await this.upsert(em, rows, now, ['due_at', 'expression', 'timer_type', ...PLAN_COLUMNS]);
  }

  /** Inserts rows (one statement); a row whose (instance, key) exists gets the `update` columns instead. */
  async upsert(em: EntityManager, rows: NewTimer[], now: Date, update: string[] = []): Promise<void> {
    if (!rows.length) return;
    await this.upsertQuery(em, rows, now, update).execute();
  }

  /** The upsert as a statement a command sends with its other deferred writes (commands/deferred-writes.ts). */
  upsertWrite(em: EntityManager, rows: NewTimer[], now: Date, update: string[] = []): Write | null {
    if (!rows.length) return null;
    const [sql, params] = this.upsertQuery(em, rows, now, update).getQueryAndParameters();
    return { sql, params };
  }

  private upsertQuery(em: EntityManager, rows: NewTimer[], now: Date, update: string[]) {
    const insert = em
      .createQueryBuilder()
      .insert()
      .into(TimerEntity)
      .values(rows.map((r) => ({ id: newRowId(), createdAt: now, firedCount: 0, ...r })));
    return update.length ? insert.orUpdate(update, ['instance_id', 'timer_key']) : insert;
  }

  deleteKey(em: EntityManager, instanceId: string, timerKey: string): Promise<unknown> {
    const write = this.deleteKeyWrite(instanceId, timerKey);
    return em.query(write.sql, write.params);
  }

  deleteKeyWrite(instanceId: string, timerKey: string): Write {
    return { sql: 'DELETE FROM timers WHERE instance_id = $1 AND timer_key = $2', params: [instanceId, timerKey] };
  }

  /** Drops the instance's rows of `kind` whose key part `part` (split on ':', 1-based) is not among `keep`. */
  dropStale(em: EntityManager, instanceId: string, kind: string, part: number, keep: string[]): Promise<unknown> {
    return em.query(`DELETE FROM timers WHERE instance_id = $1 AND timer_type = $2 AND NOT (split_part(timer_key, ':', $3::int) = ANY($4::text[]))`, [instanceId, kind, part, keep]);
  }

  deleteForInstance(em: EntityManager, instanceId: string): Promise<unknown> {
    return em.query('DELETE FROM timers WHERE instance_id = $1', [instanceId]);
  }

  /**
   * Claims up to `max` due rows for the rest of the transaction in one query, skipping rows other transactions hold. An
   * instance timer is claimed together with its instance row: a busy instance (a command or another firing on it) is
   * skipped rather than waited for, so two transactions never wait on each other's timer and instance rows. Timer
   * start events (start_timers) follow when fewer instance timers were due.
   */
  async claimDue(em: EntityManager, now: Date, max: number): Promise<TimerEntity[]> {
    const rows: RawTimer[] = await em.query(`SELECT ${COLUMNS} FROM timers t JOIN process_instances i ON i.id = t.instance_id WHERE t.due_at <= $1 ORDER BY t.due_at LIMIT $2 FOR UPDATE OF t, i SKIP LOCKED`, [now, max]);
    const timers = rows.map(toTimer);
    if (timers.length < max) timers.push(...(await this.starts.claimDue(em, now, max - timers.length)));
    return timers;
  }

  /** The soonest due time after `after` (the poller sleeps until then); null when there is none. */
  async nextDueAfter(after: Date): Promise<Date | null> {
    const [row] = await this.db.query('SELECT min(due_at) AS at FROM timers WHERE due_at > $1', [after]);
    const start = await this.starts.nextDueAfter(after);
    const at = row?.at ? new Date(row.at) : null;
    return at && start ? (at < start ? at : start) : (at ?? start);
  }

  /** Moves a timer whose firing failed to a later time; a timer of an instance that is no longer active is dropped. */
  async postpone(em: EntityManager, timer: Pick<TimerEntity, 'instanceId' | 'id'>, dueAt: Date): Promise<void> {
    await em.query(`DELETE FROM timers t USING process_instances i WHERE t.instance_id = $1 AND t.id = $2 AND i.id = $1 AND i.status <> 'active'`, [timer.instanceId, timer.id]);
    await em.query('UPDATE timers SET due_at = $3 WHERE instance_id = $1 AND id = $2', [timer.instanceId, timer.id, dueAt]);
  }

  forInstance(instanceId: string): Promise<TimerEntity[]> {
    return this.db.getRepository(TimerEntity).find({ where: { instanceId }, order: { dueAt: 'ASC' } });
  }
}

interface RawTimer {
  id: string;
  instance_id: string;
  activity_id: string;
  timer_key: string;
  timer_type: string;
  expression: string | null;
  due_at: Date;
  created_at: Date;
  fired_count: number;
}

function toTimer(r: RawTimer): TimerEntity {
  return { id: r.id, instanceId: r.instance_id, activityId: r.activity_id, timerKey: r.timer_key, timerType: r.timer_type, expression: r.expression, dueAt: new Date(r.due_at), createdAt: new Date(r.created_at), firedCount: r.fired_count };
}
