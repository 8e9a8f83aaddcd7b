// Task names in other languages (name.<locale> of the element) on the task row, and in its search text, so an agent
// using 中文 finds a task by the name shown to them; existing open tasks take theirs from their diagram.
import { MigrationInterface, QueryRunner } from 'typeorm';

// A task's searchable name: its default name and each translation.
const TASK_TEXT = (task: string) => `concat_ws(' ', ${task}.name, (SELECT string_agg(v, ' ') FROM jsonb_each_text(coalesce(${task}.names, '{}')) AS n(k, v)))`;
// The element's camunda:property name.<locale> entries in the deployed XML (local-name(): the prefixes vary by tool).
// xpath() returns attribute values XML-escaped; the names are plain text.
const UNESCAPE = (x: string) => `replace(replace(replace(replace(replace(${x}, '&lt;', '<'), '&gt;', '>'), '&quot;', '"'), '&apos;', ''''), '&amp;', '&')`;
const PROPERTY_PATH = `'//*[@id="' || t.activity_id || '"]/*[local-name()="extensionElements"]/*[local-name()="properties"]/*[local-name()="property"][starts-with(@name, "name.")]'`;

export class TaskLocalNames1768950000000 implements MigrationInterface {
  name = 'TaskLocalNames1768950000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE tasks ADD COLUMN names jsonb`);
    await q.query(`CREATE OR REPLACE FUNCTION tasks_before_insert() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
      NEW.search_text := tasks_search_text(NEW.instance_id, ${TASK_TEXT('NEW')});
      NEW.sla_due_at := (SELECT min(c.due_at) FROM sla_clocks c WHERE c.instance_id = NEW.instance_id AND c.status = 'running'
        AND (c.task_id = NEW.id OR c.scope = 'process'));
      RETURN NEW; END $$`);
    await q.query(`CREATE OR REPLACE FUNCTION tasks_follow_instance() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
      UPDATE tasks t SET search_text = tasks_search_text(t.instance_id, ${TASK_TEXT('t')}) WHERE t.instance_id = NEW.id AND t.status = 'open';
      RETURN NULL; END $$`);
    // Backfill: open tasks only (the search covers open ones), from the version each instance runs; an activity id
    // with a quote or an XML the database cannot parse keeps no translations (the English name stays searchable).
    await q.query(`UPDATE tasks t SET names = x.names FROM (
        SELECT t.id, jsonb_object_agg(substr((xpath('/*/@name', p))[1]::text, 6), ${UNESCAPE("(xpath('/*/@value', p))[1]::text")}) AS names
        FROM tasks t JOIN process_instances i ON i.id = t.instance_id JOIN definitions d ON d.id = i.definition_id,
          LATERAL unnest(xpath(${PROPERTY_PATH}, d.xml::xml)) AS p
        WHERE t.status = 'open' AND position('"' IN t.activity_id) = 0 AND xml_is_well_formed_document(d.xml) AND d.xml LIKE '%name.%'
        GROUP BY t.id) x WHERE x.id = t.id`);
    await q.query(`UPDATE tasks t SET search_text = tasks_search_text(t.instance_id, ${TASK_TEXT('t')}) WHERE t.status = 'open' AND t.names IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE OR REPLACE FUNCTION tasks_before_insert() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
      NEW.search_text := tasks_search_text(NEW.instance_id, NEW.name);
      NEW.sla_due_at := (SELECT min(c.due_at) FROM sla_clocks c WHERE c.instance_id = NEW.instance_id AND c.status = 'running'
        AND (c.task_id = NEW.id OR c.scope = 'process'));
      RETURN NEW; END $$`);
    await q.query(`CREATE OR REPLACE FUNCTION tasks_follow_instance() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
      UPDATE tasks t SET search_text = tasks_search_text(t.instance_id, t.name) WHERE t.instance_id = NEW.id AND t.status = 'open';
      RETURN NULL; END $$`);
    await q.query(`UPDATE tasks t SET search_text = tasks_search_text(t.instance_id, t.name) WHERE t.status = 'open' AND t.names IS NOT NULL`);
    await q.query(`ALTER TABLE tasks DROP COLUMN names`);
  }
}
