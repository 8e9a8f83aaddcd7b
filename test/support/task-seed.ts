// Seeds a tasklist backlog straight into PostgreSQL: `count` open service requests, each with an open agent task and
// realistic business variables (a third under a running SLA clock). For list reads only: the seeded instances have no
// engine state, so they are never driven. Used by the tasklist API/browser tests and bench/tasklist.ts.
import { Client } from 'pg';

export interface SeedOptions {
  count: number;
  /** Prefix of the business keys, e.g. SEED-000001. */
  prefix?: string;
}

const SEED_INSTANCES = `
  INSERT INTO process_instances (id, definition_id, definition_key, definition_version, business_key, status, state, variables, active_activity_ids, revision, started_at, updated_at)
  SELECT gen_random_uuid(), d.id, d.key, d.version, $2 || '-' || lpad(g::text, 6, '0'), 'active', NULL,
    jsonb_build_object(
      'channel', (ARRAY['phone','web','app','wechat','email','chat'])[1 + g % 6],
      'customerName', (ARRAY['Wang','Li','Zhang','Liu','Chen','Yang','Zhao','Huang'])[1 + g % 8] || ' ' || (ARRAY['Wei','Fang','Min','Jing','Lei','Qiang','Yan','Jun'])[1 + (g / 8) % 8],
      'customerContact', '+86 139 ' || lpad(((g::bigint * 7919) % 100000000)::text, 8, '0'),
      'deviceModel', (ARRAY['WM-200 washing machine','RF-500 fridge','AC-300 air conditioner','DW-100 dishwasher'])[1 + g % 4],
      'serialNumber', 'SN' || lpad(g::text, 9, '0'),
      'faultDescription', 'does not start after power cut',
      'inWarranty', g % 3 <> 0,
      'region', (ARRAY['Pudong','Xuhui','Minhang','Jing''an','Huangpu'])[1 + g % 5]),
    ARRAY['Task_RecordRequest'], 1, now() - g * interval '37 seconds', now()
  FROM generate_series(1, $1::int) g, (SELECT id, key, version FROM definitions WHERE key = 'service-request' ORDER BY version DESC LIMIT 1) d`;

const SEED_TASKS = `
  INSERT INTO tasks (id, instance_id, activity_id, execution_id, name, candidate_roles, form, status, created_at)
  SELECT gen_random_uuid(), i.id, 'Task_RecordRequest', 'Task_RecordRequest_seed', 'Record & verify request', ARRAY['agent'], '[]', 'open', i.started_at
  FROM process_instances i WHERE i.business_key LIKE $1 || '-%' AND i.state IS NULL`;

// A third of the tasks run under a task clock falling due over the next days (none already breached).
const SEED_CLOCKS = `
  INSERT INTO sla_clocks (id, instance_id, policy, scope, activity_id, task_id, target_key, target_ms, started_at, due_at, status)
  SELECT gen_random_uuid(), t.instance_id, 'agent-response', 'task', t.activity_id, t.id, 'seed', 86400000, t.created_at,
    now() + (row_number() OVER (ORDER BY t.id) % 5000) * interval '1 minute' + interval '1 hour', 'running'
  FROM tasks t JOIN process_instances i ON i.id = t.instance_id
  WHERE i.business_key LIKE $1 || '-%' AND i.state IS NULL AND right(i.business_key, 1) IN ('1', '4', '7')`;

/** Inserts the backlog (the service-request definition must be deployed); resolves to the number of tasks made. */
export async function seedTaskBacklog(databaseUrl: string, { count, prefix = 'SEED' }: SeedOptions): Promise<number> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query(SEED_INSTANCES, [count, prefix]);
    const tasks = await client.query(SEED_TASKS, [prefix]);
    // Fresh statistics first, so the clock trigger's per-row update plans an index lookup, not a scan of the new rows.
    await client.query('ANALYZE tasks; ANALYZE process_instances; ANALYZE sla_clocks');
    await client.query(SEED_CLOCKS, [prefix]);
    await client.query('COMMIT');
    await client.query('ANALYZE tasks; ANALYZE process_instances; ANALYZE sla_clocks');
    return tasks.rowCount ?? 0;
  } finally {
    await client.end();
  }
}
