// Queries of dispatch: the technician roster with each one's open work, their profiles, and moving a request's tasks.
import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { Pool, type PoolConfig } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import { TechnicianProfileEntity } from '../database/entities/technician-profile.entity';

export interface TechnicianRow {
  userId: string;
  username: string;
  displayName: string | null;
  /** Null when no profile was set up: such a technician is listed but never chosen. */
  skills: string[] | null;
  regions: string[] | null;
  calendar: string | null;
  capacity: number | null;
  /** Requests in progress naming them as technician, plus other open tasks assigned to them (counted once per request). */
  openWork: number;
}

const ROSTER = `SELECT u.id AS "userId", u.username, u.display_name AS "displayName", p.skills, p.regions, p.calendar, p.capacity,
        (SELECT count(*) FROM (
           SELECT t.instance_id FROM tasks t WHERE t.status = 'open' AND t.assignee = u.username
           UNION SELECT i.id FROM process_instances i WHERE i.status = 'active' AND i.variables->>'technician' = u.username) w)::int AS "openWork"
   FROM users u LEFT JOIN technician_profiles p ON p.user_id = u.id
  WHERE u.active AND ('technician' = ANY(u.roles) OR EXISTS (SELECT 1 FROM group_members m WHERE m.user_id = u.id AND m.group_id = 'technician'))
    AND ($1::text IS NULL OR u.username = $1)
  ORDER BY u.username`;

@Injectable()
export class TechnicianRepository implements OnModuleDestroy {
  private side?: Pool;

  constructor(private readonly db: DataSource) {}

  /** Active users holding the technician role or in the technician group; `username` narrows it to one. */
  roster(username?: string): Promise<TechnicianRow[]> {
    return this.db.query(ROSTER, [username ?? null]);
  }

  /**
   * The roster as the assignTechnician handler reads it: inside a command that already holds a connection of the main
   * pool. Read through two connections of its own, so that commands waiting for the main pool never wait on each other
   * (with the main pool, N concurrent dispatches could hold all N connections and each wait for one more).
   */
  async rosterDuringCommand(): Promise<TechnicianRow[]> {
    // The main pool's Client class too: with a multi-host DATABASE_URL it is the one that finds the primary.
    const { url, extra } = this.db.options as { url?: string; extra?: { Client?: PoolConfig['Client'] } };
    this.side ??= new Pool({ connectionString: url, max: 2, ...(extra?.Client ? { Client: extra.Client } : {}) });
    return (await this.side.query(ROSTER, [null])).rows;
  }

  async onModuleDestroy(): Promise<void> {
    await this.side?.end();
  }

  async upsert(em: EntityManager, profile: TechnicianProfileEntity): Promise<void> {
    await em.getRepository(TechnicianProfileEntity).upsert(profile, ['userId']);
  }

  async delete(em: EntityManager, userId: string): Promise<boolean> {
    return ((await em.getRepository(TechnicianProfileEntity).delete({ userId })).affected ?? 0) > 0;
  }

  /** Hands the request's open technician tasks held by `from` (or by nobody) to `to`; returns their ids. */
  async moveOpenTasks(em: EntityManager, args: { instanceId: string; from: string | null; to: string; now: Date }): Promise<string[]> {
    const rows: { id: string }[] = await em.query(
      `UPDATE tasks SET assignee = $3, claimed_at = $4
        WHERE instance_id = $1 AND status = 'open' AND 'technician' = ANY(candidate_roles) AND (assignee IS NULL OR assignee = $2)
        RETURNING id`,
      [args.instanceId, args.from, args.to, args.now],
    );
    // pg returns [rows, count] for UPDATE … RETURNING through TypeORM's query()
    const list = Array.isArray(rows[0]) ? (rows[0] as unknown as { id: string }[]) : rows;
    return list.map((r) => r.id);
  }
}
