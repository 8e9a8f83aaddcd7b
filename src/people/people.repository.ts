// Queries on the people a form or an action may name: active users holding a role or in its group.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface PersonRow {
  username: string;
  displayName: string | null;
}

// A role is a group too: holding the role or being an explicit member of the group both count.
const HOLDS = `u.active AND ($1 = ANY(u.roles) OR EXISTS (SELECT 1 FROM group_members m WHERE m.user_id = u.id AND m.group_id = $1))`;

@Injectable()
export class PeopleRepository {
  constructor(private readonly db: DataSource) {}

  withRole(role: string, search: string | null, limit: number): Promise<PersonRow[]> {
    return this.db.query(
      `SELECT u.username, u.display_name AS "displayName" FROM users u
        WHERE ${HOLDS} AND ($2::text IS NULL OR u.username ILIKE '%' || $2 || '%' OR u.display_name ILIKE '%' || $2 || '%')
        ORDER BY u.username LIMIT $3`,
      [role, search, limit],
    );
  }

  async holds(username: string, role: string): Promise<boolean> {
    const rows = await this.db.query(`SELECT 1 FROM users u WHERE u.username = $2 AND ${HOLDS}`, [role, username]);
    return rows.length > 0;
  }

  async displayName(username: string): Promise<string | null> {
    const rows: { name: string | null }[] = await this.db.query('SELECT display_name AS name FROM users WHERE username = $1', [username]);
    return rows[0]?.name ?? null;
  }
}
