// Satisfaction surveys (one per resolution, one-time token hashes) and the state of KPI threshold alerts.
import { MigrationInterface, QueryRunner } from 'typeorm';

export class SurveysKpis1764500000000 implements MigrationInterface {
  name = 'SurveysKpis1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE surveys (
        id uuid PRIMARY KEY,
        instance_id uuid NOT NULL UNIQUE REFERENCES process_instances(id) ON DELETE CASCADE,
        resolution_key text NOT NULL UNIQUE,
        source_instance_id uuid,
        source_definition_key text,
        source_definition_version int,
        source_business_key text,
        channel text,
        priority text,
        region text,
        status text NOT NULL CHECK (status IN ('scheduled', 'sent', 'reminded', 'answered', 'expired', 'cancelled')),
        sent_at timestamptz,
        reminded_at timestamptz,
        expires_at timestamptz,
        answered_at timestamptz,
        scores jsonb,
        overall int CHECK (overall BETWEEN 1 AND 5),
        nps int CHECK (nps BETWEEN 0 AND 10),
        suggestions text,
        wants_complaint boolean,
        low_score boolean,
        recovery_kind text,
        created_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX surveys_answered_at ON surveys (answered_at) WHERE answered_at IS NOT NULL`);
    await q.query(`CREATE INDEX surveys_source ON surveys (source_instance_id)`);
    await q.query(`
      CREATE TABLE survey_tokens (
        token_hash text PRIMARY KEY,
        survey_id uuid NOT NULL REFERENCES surveys(id) ON DELETE CASCADE,
        instance_id uuid NOT NULL,
        kind text NOT NULL,
        issued_at timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE TABLE kpi_alerts (
        name text PRIMARY KEY,
        breached boolean NOT NULL,
        value double precision,
        changed_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX process_instances_kpi ON process_instances (definition_key, started_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX process_instances_kpi`);
    await q.query(`DROP TABLE kpi_alerts`);
    await q.query(`DROP TABLE survey_tokens`);
    await q.query(`DROP TABLE surveys`);
  }
}
