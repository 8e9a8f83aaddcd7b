// An integrator's API key: only its SHA-256 hash is stored, with the scopes it may use; revoked keys stay for the audit.
import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('api_keys')
export class ApiKeyEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('text') name!: string;
  /** The key's first characters, shown in lists so a person can tell keys apart. */
  @Column('text') prefix!: string;
  @Column('text', { name: 'key_hash', unique: true }) keyHash!: string;
  @Column('text', { array: true }) scopes!: string[];
  @Column('text', { name: 'created_by' }) createdBy!: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'last_used_at', nullable: true }) lastUsedAt!: Date | null;
  @Column('timestamptz', { name: 'revoked_at', nullable: true }) revokedAt!: Date | null;
}
