// A deployed, immutable version of a BPMN process definition.
import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('definitions')
export class DefinitionEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('text') key!: string;
  @Column('int') version!: number;
  @Column('text') name!: string;
  @Column('text') xml!: string;
  @Column('text') checksum!: string;
  @Column('timestamptz', { name: 'deployed_at' }) deployedAt!: Date;
}
