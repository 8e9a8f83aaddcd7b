// Server-wide values every replica must share, created once (e.g. the token signing secret when none is configured).
import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('settings')
export class SettingEntity {
  @PrimaryColumn('text') key!: string;
  @Column('text') value!: string;
}
