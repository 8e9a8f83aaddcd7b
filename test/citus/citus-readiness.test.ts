// Ready to shard by instance_id (Citus co-location), checked on the migrated schema, on the Citus plan derived from it,
// and on the SQL of commands. The rules (README "Ready to shard"): tables with instance_id are co-located with
// process_instances and carry it in their primary key and unique constraints; foreign keys between them include it;
// a lookup table is distributed by its own key; everything else (definitions, users, settings …) is a reference table;
// every statement of a command names its shard. No exceptions are listed: a table that breaks a rule fails the test.
import type { AddressInfo } from 'node:net';
import { FakeClock } from '../../src/common/clock';
import { citusStatements, placementOf, placements, ROOT } from '../../src/database/citus-plan';
import { readSchema, type Schema } from '../../src/database/schema-introspection';
import { TimerFiringService } from '../../src/timers/timer-firing.service';
import { withClient } from '../support/database';
import { startTestApp, type TestApp } from '../support/app';
import { invoiceProcess, Worker } from '../support/external-tasks';
import { SERVICE_REQUEST_START } from '../support/service-request';
import { captureSql, unroutedStatements, writingTransactions } from './statement-rules';

const DAY = 24 * 3600_000;

/** Distributed table → its distribution column. */
function distributionKeys(schema: Schema): Map<string, string> {
  const out = new Map<string, string>();
  for (const table of schema.tables.keys()) {
    const p = placementOf(schema, table);
    if (p.kind !== 'reference') out.set(table, p.column);
  }
  return out;
}

const coLocated = (schema: Schema, table: string) => ['root', 'co-located'].includes(placementOf(schema, table).kind);

describe('Citus readiness (co-location by instance_id)', () => {
  const clock = new FakeClock('2026-03-02T01:00:00Z');
  let t: TestApp;
  let schema: Schema;
  beforeAll(async () => {
    t = await startTestApp({ clock });
    schema = await withClient(t.databaseUrl, (db) => readSchema(async (sql) => (await db.query(sql)).rows));
  });
  afterAll(async () => {
    await t.close();
  });

  it('finds the tables it checks (a broken introspection would pass every rule)', () => {
    const keys = distributionKeys(schema);
    expect([...keys.keys()]).toEqual(expect.arrayContaining(['process_instances', 'tasks', 'timers', 'history', 'escalations', 'surveys', 'sla_clocks', 'instance_outbox']));
    expect([...schema.lookups.keys()].sort()).toEqual(['active_business_keys', 'survey_resolutions']);
    expect(schema.foreignKeys.length).toBeGreaterThan(10);
    expect(schema.uniques.length).toBeGreaterThan(5);
  });

  it('every distributed table carries its distribution column in its primary key and in every unique constraint', () => {
    const keys = distributionKeys(schema);
    const bad: string[] = [];
    for (const [table, column] of keys) {
      const pk = schema.primaryKeys.get(table) ?? [];
      if (!pk.includes(column)) bad.push(`primary key ${table}(${pk.join(',')})`);
    }
    for (const u of schema.uniques.filter((x) => keys.has(x.table) && !x.columns.includes(keys.get(x.table)!))) bad.push(`unique ${u.table}.${u.name}(${u.columns.join(',')})`);
    expect(bad).toEqual([]);
  });

  it('foreign keys between distributed tables join co-located tables on instance_id; none point from a reference table into them', () => {
    const keys = distributionKeys(schema);
    const bad = schema.foreignKeys
      .filter((fk) => keys.has(fk.refTable))
      .filter((fk) => {
        if (!keys.has(fk.table) || !coLocated(schema, fk.table) || !coLocated(schema, fk.refTable)) return true; // reference → distributed, or a lookup
        const at = fk.columns.indexOf('instance_id');
        return at < 0 || fk.refColumns[at] !== keys.get(fk.refTable);
      })
      .map((fk) => `${fk.table}(${fk.columns}) → ${fk.refTable}(${fk.refColumns})`);
    expect(bad).toEqual([]);
  });

  it('a lookup table is distributed by its own key: no instance_id, no foreign keys either way', () => {
    for (const [table, column] of schema.lookups) {
      expect(placementOf(schema, table)).toEqual({ table, kind: 'lookup', column });
      expect(schema.foreignKeys.filter((fk) => fk.table === table || fk.refTable === table)).toEqual([]);
    }
  });

  it('definitions, users and settings are reference tables', () => {
    for (const table of ['definitions', 'users', 'settings', 'start_timers', 'system_outbox']) expect(placementOf(schema, table).kind).toBe('reference');
  });

  it('the Citus plan places every table once: references first, then process_instances, its co-located tables and the lookups', () => {
    const plan = placements(schema);
    const statements = citusStatements(schema);
    expect(plan.map((p) => p.table).sort()).toEqual([...schema.tables.keys()].sort());
    const at = (table: string) => plan.findIndex((p) => p.table === table);
    // a table comes after every table it references (Citus needs the referenced one distributed or reference first)
    for (const fk of schema.foreignKeys) expect([fk.table, at(fk.refTable) < at(fk.table)]).toEqual([fk.table, fk.refTable !== fk.table]);
    expect(plan.filter((p) => p.kind === 'co-located').every((p) => at(p.table) > at(ROOT))).toBe(true);
    expect(statements).toEqual(
      expect.arrayContaining([
        "SELECT create_reference_table('definitions');",
        "SELECT create_distributed_table('process_instances', 'id');",
        "SELECT create_distributed_table('tasks', 'instance_id', colocate_with => 'process_instances');",
        "SELECT create_distributed_table('active_business_keys', 'business_key', colocate_with => 'none');",
      ]),
    );
    expect(statements).toHaveLength(schema.tables.size);
  });

  it('every statement of a command names its shard: start, claim, complete, timers firing, cancel, external task', async () => {
    // given
    const keys = distributionKeys(schema);
    let instanceId = '';
    await t.app.listen(0, '127.0.0.1');
    const worker = new Worker(`http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`, await t.apiKey(['external-tasks']), 'citus-worker');
    await t.http.post('/api/definitions').send({ xml: invoiceProcess() }).expect(201);
    // when: the SQL of each request's transactions that write a distributed table
    const seen = await captureSql(async () => {
      instanceId = (await t.http.post('/api/process-instances').send({ definitionKey: 'service-request', businessKey: 'CITUS-1', variables: SERVICE_REQUEST_START }).expect(201)).body.id;
      const task = (await t.http.get('/api/tasks').query({ processInstanceId: instanceId, status: 'open' }).expect(200)).body.items[0];
      await t.http.post(`/api/tasks/${task.id}/claim`).send({ assignee: 'admin' }).expect(200);
      await t.http.post(`/api/tasks/${task.id}/complete`).send({ variables: { requirementUnderstood: true } }).expect(200);
      clock.advance(3 * DAY); // SLA checks and escalations fall due
      await t.app.get(TimerFiringService).fireDue();
      await t.http.delete(`/api/process-instances/${instanceId}`).send({ reason: 'citus check' }).expect(200);
      await t.http.post('/api/process-instances').send({ definitionKey: 'ext-invoice', variables: { amount: 1 } }).expect(201);
      const [fetched] = await worker.fetch('sendInvoice');
      await worker.complete(fetched.id).expect(204);
    });
    const transactions = writingTransactions(seen, keys);
    const statements = transactions.flat();
    // then: the commands ran (the check below is not vacuous) …
    expect(statements.filter((s) => /^INSERT INTO process_instances/.test(s))).toHaveLength(2);
    expect(statements.some((s) => /^INSERT INTO active_business_keys/.test(s))).toBe(true);
    expect(statements.some((s) => /^DELETE FROM active_business_keys/.test(s))).toBe(true);
    expect(statements.filter((s) => /^UPDATE "tasks"/.test(s)).length).toBeGreaterThanOrEqual(2); // claim, complete
    expect(statements.some((s) => /SKIP LOCKED/.test(s) && /FROM timers/.test(s))).toBe(true); // the timer firing's claim
    expect(statements.some((s) => /^(INSERT INTO|UPDATE) "?escalations|^(INSERT INTO|UPDATE) "?sla_clocks/.test(s))).toBe(true);
    expect(statements.filter((s) => /^UPDATE "external_tasks"/.test(s)).length).toBeGreaterThanOrEqual(2); // lock, complete
    // … and each of their statements on a distributed table names its shard
    expect(unroutedStatements(statements, keys)).toEqual([]);
  });
});
