// Ready to shard by instance_id (Citus co-location), checked on the migrated schema and on the SQL of a start and a
// task completion. The rules (README "Ready to shard"): instance-scoped tables carry instance_id in their primary key
// and unique constraints; foreign keys between them include it; definitions, users and settings are reference
// tables; every statement of a command names its instance. What is not converted yet is listed below, exactly.
import { startTestApp, type TestApp } from '../support/app';
import { SERVICE_REQUEST_START } from '../support/service-request';
import { readSchema, type Schema } from './schema-introspection';
import { captureSql, unroutedStatements } from './statement-rules';

const REFERENCE_TABLES = ['definitions', 'users', 'settings'];

/**
 * Primary keys and unique constraints that do not carry instance_id yet: the remaining schema work before
 * create_distributed_table(…, 'instance_id'), in the order the README gives. A table converted (or a new one) that is
 * not listed must satisfy the rules; a listed one that got fixed must leave the list.
 */
const KNOWN_GAPS = [
  // global uniqueness that a shard cannot check alone: needs a lookup table distributed by the key itself
  'unique process_instances.process_instances_active_business_key(definition_key,business_key)',
  'unique surveys.surveys_resolution_key_key(resolution_key)',
];

function instanceScoped(schema: Schema): Set<string> {
  return new Set([...schema.tables].filter(([, cols]) => cols.includes('instance_id')).map(([t]) => t).concat('process_instances'));
}

/** The distribution column of a table: process_instances is distributed by its own id. */
const keyOf = (table: string) => (table === 'process_instances' ? 'id' : 'instance_id');

function keyViolations(schema: Schema): string[] {
  const scoped = instanceScoped(schema);
  const out: string[] = [];
  for (const table of scoped) {
    const pk = schema.primaryKeys.get(table) ?? [];
    if (!pk.includes(keyOf(table))) out.push(`primary key ${table}(${pk.join(',')})`);
  }
  for (const u of schema.uniques.filter((x) => scoped.has(x.table) && !x.columns.includes(keyOf(x.table)))) out.push(`unique ${u.table}.${u.name}(${u.columns.join(',')})`);
  return out.sort();
}

describe('Citus readiness (co-location by instance_id)', () => {
  let t: TestApp;
  let schema: Schema;
  beforeAll(async () => {
    t = await startTestApp();
    schema = await readSchema(t.databaseUrl);
  });
  afterAll(async () => {
    await t.close();
  });

  it('finds the instance-scoped tables it checks (a broken introspection would pass every rule)', () => {
    expect([...instanceScoped(schema)]).toEqual(expect.arrayContaining(['process_instances', 'tasks', 'timers', 'history', 'escalations', 'surveys', 'sla_clocks']));
    expect(schema.foreignKeys.length).toBeGreaterThan(10);
  });

  it('primary keys and unique constraints of instance-scoped tables carry instance_id, but for the listed gaps', () => {
    expect(keyViolations(schema)).toEqual([...KNOWN_GAPS].sort());
  });

  it('foreign keys between instance-scoped tables include instance_id on both sides', () => {
    const scoped = instanceScoped(schema);
    const bad = schema.foreignKeys
      .filter((fk) => scoped.has(fk.table) && scoped.has(fk.refTable))
      .filter((fk) => {
        const at = fk.columns.indexOf('instance_id');
        return at < 0 || fk.refColumns[at] !== keyOf(fk.refTable);
      })
      .map((fk) => `${fk.table}(${fk.columns}) → ${fk.refTable}(${fk.refColumns})`);
    expect(bad).toEqual([]);
  });

  it('definitions, users and settings are reference tables: no instance_id, no foreign key into instance-scoped tables', () => {
    const scoped = instanceScoped(schema);
    for (const table of REFERENCE_TABLES) {
      expect(schema.tables.get(table)).toBeDefined();
      expect(schema.tables.get(table)).not.toContain('instance_id');
    }
    const intoScoped = schema.foreignKeys.filter((fk) => REFERENCE_TABLES.includes(fk.table) && scoped.has(fk.refTable));
    expect(intoScoped).toEqual([]);
  });

  it('every statement of a start and of a task completion names its instance', async () => {
    // given
    const scoped = instanceScoped(schema);
    let instanceId = '';
    // when: the SQL of each command (its transaction: from the instance lock or insert to COMMIT)
    const start = await captureSql(async () => {
      instanceId = (await t.http.post('/api/process-instances').send({ definitionKey: 'service-request', businessKey: 'CITUS-1', variables: SERVICE_REQUEST_START }).expect(201)).body.id;
    });
    const task = (await t.http.get('/api/tasks').query({ processInstanceId: instanceId, status: 'open' }).expect(200)).body.items[0];
    const complete = await captureSql(async () => {
      await t.http.post(`/api/tasks/${task.id}/complete`).send({ variables: { requirementUnderstood: true } }).expect(200);
    });
    const commands = [...commandStatements(start), ...commandStatements(complete)];
    // then
    expect(commands.filter((s) => /^INSERT INTO process_instances|FROM process_instances WHERE id = \$1 FOR UPDATE/.test(s))).toHaveLength(2);
    expect(commands.some((s) => /^UPDATE "tasks"/.test(s))).toBe(true);
    expect(unroutedStatements(commands, scoped)).toEqual([]);
  });
});

/** The statements of the transactions that insert or lock an instance row (pollers and reads around it excluded). */
function commandStatements(seen: { client: object; sql: string }[]): string[] {
  const byClient = new Map<object, string[]>();
  for (const s of seen) byClient.set(s.client, [...(byClient.get(s.client) ?? []), s.sql]);
  const out: string[] = [];
  for (const sqls of byClient.values()) {
    let tx: string[] | null = null;
    for (const sql of sqls) {
      if (/^START TRANSACTION|^BEGIN/i.test(sql)) tx = [];
      else if (/^COMMIT/i.test(sql)) {
        if (tx?.some((s) => /^INSERT INTO process_instances|FROM process_instances WHERE id = \$1 FOR UPDATE/.test(s))) out.push(...tx);
        tx = null;
      } else tx?.push(sql);
    }
  }
  return out;
}
