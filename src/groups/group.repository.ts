// Queries on candidate groups and their members.
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal';
import { GroupEntity, GroupMemberEntity } from '../database/entities/group.entity';

export interface GroupRow extends GroupEntity {
  members: string[];
}

@Injectable()
export class GroupRepository {
  constructor(private readonly db: DataSource) {}

  /** Every group id (the deploy check warns about candidate groups not among them). */
  async names(): Promise<string[]> {
    return (await this.db.getRepository(GroupEntity).find({ select: ['id'], order: { id: 'ASC' } })).map((g) => g.id);
  }

  /** Groups with the usernames of their explicit members (role holders are members implicitly). */
  async list(id?: string): Promise<GroupRow[]> {
    const rows: (GroupEntity & { members: string[] | null })[] = await this.db.query(
      `SELECT g.id, g.name, g.built_in AS "builtIn", g.created_at AS "createdAt",
              array_remove(array_agg(u.username ORDER BY u.username), NULL) AS members
         FROM groups g LEFT JOIN group_members m ON m.group_id = g.id LEFT JOIN users u ON u.id = m.user_id
        WHERE $1::text IS NULL OR g.id = $1 GROUP BY g.id ORDER BY g.id`,
      [id ?? null],
    );
    return rows.map((r) => ({ ...r, members: r.members ?? [] }));
  }

  /** Inserts unless the id exists; true when this call created it. */
  async insertIfAbsent(em: EntityManager, group: GroupEntity): Promise<boolean> {
    const result = await em.createQueryBuilder().insert().into(GroupEntity).values(group).orIgnore().returning('id').execute();
    return result.raw.length > 0;
  }

  async delete(em: EntityManager, id: string): Promise<boolean> {
    return ((await em.getRepository(GroupEntity).delete({ id, builtIn: false })).affected ?? 0) > 0;
  }

  async addMember(em: EntityManager, groupId: string, userId: string): Promise<void> {
    await em.createQueryBuilder().insert().into(GroupMemberEntity).values({ groupId, userId }).orIgnore().execute();
  }

  async removeMember(em: EntityManager, groupId: string, userId: string): Promise<boolean> {
    return ((await em.getRepository(GroupMemberEntity).delete({ groupId, userId })).affected ?? 0) > 0;
  }

  /** The groups a user belongs to explicitly, by username (for task visibility). */
  async groupsOf(username: string): Promise<string[]> {
    const rows: { group_id: string }[] = await this.db.query(`SELECT m.group_id FROM group_members m JOIN users u ON u.id = m.user_id WHERE u.username = $1`, [username]);
    return rows.map((r) => r.group_id);
  }

  /** The groups an admin put a signed-in caller in (their roles are groups already); none for keys and anonymous callers. */
  async memberOf(principal?: Principal): Promise<string[]> {
    return principal?.kind === 'user' ? this.groupsOf(principal.name) : [];
  }
}
