// A candidate group of user tasks (the built-in roles are groups too), and who belongs to it besides the role holders.
import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('groups')
export class GroupEntity {
  @PrimaryColumn('text') id!: string;
  @Column('text') name!: string;
  @Column('boolean', { name: 'built_in' }) builtIn!: boolean;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
}

@Entity('group_members')
export class GroupMemberEntity {
  @PrimaryColumn('text', { name: 'group_id' }) groupId!: string;
  @PrimaryColumn('uuid', { name: 'user_id' }) userId!: string;
}
