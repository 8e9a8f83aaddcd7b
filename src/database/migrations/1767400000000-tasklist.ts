// Tasklist at scale: delegation (owner), follow-up dates, a denormalised search text (trigram-indexed) and SLA due
// time on each task, kept current by triggers, and saved filters per user; the board's acknowledged-alerts marker.
import { MigrationInterface, QueryRunner } from 'typeorm';

// The business fields an agent searches by (processes/README.md start variables), with the request's keys.
const SEARCH_TEXT = `lower(concat_ws(' ', i.business_key, i.definition_key, (SELECT d.name FROM definitions d WHERE d.id = i.definition_id), i.variables->>'customerName', i.variables->>'customerContact',
  i.variables->>'deviceModel', i.variables->>'serialNumber', i.variables->>'region', i.variables->>'customer', i.variables->>'phone',
  i.variables->>'device', i.variables->>'serial'))`;
// Earliest due time of the running clocks that bind a task: its own (task scope) and its request's (process scope).
const SLA_DUE = (task: string) => `(SELECT min(c.due_at) FROM sla_clocks c WHERE c.instance_id = ${task}.instance_id AND c.status = 'running'
  AND (c.task_id = ${task}.id OR c.scope = 'process'))`;

export class Tasklist1767400000000 implements MigrationInterface {
  name = 'Tasklist1767400000000';

  async up(q: QueryRunner): Promise<void> {
    // pg_trgm is a trusted extension (PostgreSQL 13+): the database owner may create it.
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`ALTER TABLE tasks ADD COLUMN owner text, ADD COLUMN delegation_state text CHECK (delegation_state IN ('pending', 'resolved')),
      ADD COLUMN follow_up_at timestamptz, ADD COLUMN sla_due_at timestamptz, ADD COLUMN search_text text NOT NULL DEFAULT ''`);
    // Triggers keep the columns true in the very transaction that changes an instance, a task or a clock, so no
    // command needs to know about them.
    await q.query(`CREATE FUNCTION tasks_search_text(iid uuid, task_name text) RETURNS text LANGUAGE sql STABLE AS $$
      SELECT lower(coalesce(task_name, '')) || ' ' || coalesce((SELECT ${SEARCH_TEXT} FROM process_instances i WHERE i.id = iid), '') $$`);
    await q.query(`CREATE FUNCTION tasks_before_insert() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
      NEW.search_text := tasks_search_text(NEW.instance_id, NEW.name);
      NEW.sla_due_at := ${SLA_DUE('NEW')};
      RETURN NEW; END $$`);
    await q.query(`CREATE TRIGGER tasks_before_insert BEFORE INSERT ON tasks FOR EACH ROW EXECUTE FUNCTION tasks_before_insert()`);
    await q.query(`CREATE FUNCTION tasks_follow_instance() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
      UPDATE tasks t SET search_text = tasks_search_text(t.instance_id, t.name) WHERE t.instance_id = NEW.id AND t.status = 'open';
      RETURN NULL; END $$`);
    await q.query(`CREATE TRIGGER tasks_follow_instance AFTER UPDATE OF variables, business_key ON process_instances FOR EACH ROW
      WHEN (OLD.variables IS DISTINCT FROM NEW.variables OR OLD.business_key IS DISTINCT FROM NEW.business_key) EXECUTE FUNCTION tasks_follow_instance()`);
    await q.query(`CREATE FUNCTION tasks_follow_clock() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
      UPDATE tasks t SET sla_due_at = ${SLA_DUE('t')} WHERE t.instance_id = NEW.instance_id AND t.status = 'open';
      RETURN NULL; END $$`);
    await q.query(`CREATE TRIGGER tasks_follow_clock AFTER INSERT OR UPDATE OF status, due_at ON sla_clocks FOR EACH ROW EXECUTE FUNCTION tasks_follow_clock()`);
    await q.query(`UPDATE tasks t SET search_text = tasks_search_text(t.instance_id, t.name), sla_due_at = ${SLA_DUE('t')} WHERE t.status = 'open'`);
    await q.query(`CREATE INDEX tasks_search ON tasks USING gin (search_text gin_trgm_ops) WHERE status = 'open'`);
    await q.query(`CREATE INDEX tasks_open_due ON tasks (sla_due_at ASC NULLS LAST, created_at, id) WHERE status = 'open'`);
    await q.query(`CREATE INDEX tasks_open_follow_up ON tasks (follow_up_at) WHERE status = 'open' AND follow_up_at IS NOT NULL`);
    await q.query(`CREATE INDEX tasks_open_assignee ON tasks (assignee) WHERE status = 'open'`);
    await q.query(`CREATE TABLE task_filters (id uuid PRIMARY KEY, owner text NOT NULL, name text NOT NULL, criteria jsonb NOT NULL,
      created_at timestamptz NOT NULL, UNIQUE (owner, name))`);
    // The supervisor board: how far each user has acknowledged the alert feed (an outbox id), and the alerts read back.
    await q.query(`CREATE TABLE board_reads (username text PRIMARY KEY, seen_up_to bigint NOT NULL, updated_at timestamptz NOT NULL)`);
    await q.query(`CREATE INDEX outbox_alerts ON outbox (id DESC) WHERE type IN ('sla.warning', 'sla.breached', 'complaint.escalated', 'incident.open')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX outbox_alerts`);
    await q.query(`DROP TABLE board_reads`);
    await q.query(`DROP TABLE task_filters`);
    await q.query(`DROP TRIGGER tasks_follow_clock ON sla_clocks`);
    await q.query(`DROP TRIGGER tasks_follow_instance ON process_instances`);
    await q.query(`DROP TRIGGER tasks_before_insert ON tasks`);
    await q.query(`DROP FUNCTION tasks_follow_clock(), tasks_follow_instance(), tasks_before_insert(), tasks_search_text(uuid, text)`);
    await q.query(`ALTER TABLE tasks DROP COLUMN owner, DROP COLUMN delegation_state, DROP COLUMN follow_up_at, DROP COLUMN sla_due_at, DROP COLUMN search_text`);
  }
}
