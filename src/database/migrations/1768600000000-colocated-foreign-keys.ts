// Foreign keys between instance-scoped tables carry instance_id (Citus co-location; see README "Ready to shard"):
// escalations and SLA clocks → their task, survey tokens → their survey, each by (instance_id, id).
import { MigrationInterface, QueryRunner } from 'typeorm';

const KEYS = [
  { table: 'escalations', old: 'escalations_task_id_fkey', name: 'escalations_task_fkey', columns: 'instance_id, task_id', ref: 'tasks', onDelete: '' },
  { table: 'sla_clocks', old: 'sla_clocks_task_id_fkey', name: 'sla_clocks_task_fkey', columns: 'instance_id, task_id', ref: 'tasks', onDelete: '' },
  { table: 'survey_tokens', old: 'survey_tokens_survey_id_fkey', name: 'survey_tokens_survey_fkey', columns: 'instance_id, survey_id', ref: 'surveys', onDelete: ' ON DELETE CASCADE' },
];

export class ColocatedForeignKeys1768600000000 implements MigrationInterface {
  name = 'ColocatedForeignKeys1768600000000';

  async up(q: QueryRunner): Promise<void> {
    // The referenced side: (instance_id, id) is unique because id is.
    await q.query(`ALTER TABLE tasks ADD CONSTRAINT tasks_instance_id_id_key UNIQUE (instance_id, id)`);
    await q.query(`ALTER TABLE surveys ADD CONSTRAINT surveys_instance_id_id_key UNIQUE (instance_id, id)`);
    for (const k of KEYS) {
      await q.query(`ALTER TABLE ${k.table} DROP CONSTRAINT ${k.old}, ADD CONSTRAINT ${k.name} FOREIGN KEY (${k.columns}) REFERENCES ${k.ref} (instance_id, id)${k.onDelete}`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const k of KEYS) {
      const column = k.columns.split(', ')[1];
      await q.query(`ALTER TABLE ${k.table} DROP CONSTRAINT ${k.name}, ADD CONSTRAINT ${k.old} FOREIGN KEY (${column}) REFERENCES ${k.ref} (id)${k.onDelete}`);
    }
    await q.query(`ALTER TABLE surveys DROP CONSTRAINT surveys_instance_id_id_key`);
    await q.query(`ALTER TABLE tasks DROP CONSTRAINT tasks_instance_id_id_key`);
  }
}
