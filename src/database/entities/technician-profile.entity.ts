// What dispatch knows of a technician besides the user: fault types they fix, regions they cover, calendar, capacity.
import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('technician_profiles')
export class TechnicianProfileEntity {
  @PrimaryColumn('uuid', { name: 'user_id' }) userId!: string;
  @Column('text', { array: true }) skills!: string[];
  @Column('text', { array: true }) regions!: string[];
  /** A business calendar id of processes/sla.json (or the built-in 24x7). */
  @Column('text') calendar!: string;
  /** How many open requests they carry at most. */
  @Column('integer') capacity!: number;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}
