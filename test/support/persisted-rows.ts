// An instance's persisted rows with the random parts (row ids, engine execution ids) masked, for comparing two runs.
import { withClient } from './database';

const TABLES: Record<string, string> = {
  process_instances: 'id',
  tasks: 'instance_id',
  timers: 'instance_id',
  message_subscriptions: 'instance_id',
  history: 'instance_id',
};

/** Every row of each instance table for these instances, as sorted masked JSON lines, by table. */
export async function persistedRows(databaseUrl: string, instanceIds: string[]): Promise<Record<string, string[]>> {
  return withClient(databaseUrl, async (client) => {
    const out: Record<string, string[]> = {};
    for (const [table, key] of Object.entries(TABLES)) {
      const { rows } = await client.query(`SELECT to_jsonb(t) - 'id' AS row FROM ${table} t WHERE ${key} = ANY($1::uuid[])`, [instanceIds]);
      out[table] = rows.map((r: { row: unknown }) => mask(JSON.stringify(r.row))).sort();
    }
    return out;
  });
}

/** Row ids (uuids) and bpmn-elements execution id suffixes (`Task_Do_1a2b3c4d5e`) differ between two runs. */
function mask(json: string): string {
  return json.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<uuid>').replace(/_[0-9a-f]{5,12}(?![0-9A-Za-z])/g, '_<x>');
}
