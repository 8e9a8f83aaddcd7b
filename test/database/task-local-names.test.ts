// Migration 1768950000000 on a database with open tasks: each takes its element's name.<locale> from the deployed
// diagram of its instance's version, and becomes searchable by it.
import { DataSource } from 'typeorm';
import { TaskLocalNames1768950000000 } from '../../src/database/migrations/1768950000000-task-local-names';
import { startTestApp, type TestApp } from '../support/app';
import { SERVICE_REQUEST_START } from '../support/service-request';

describe('migration: task names in other languages', () => {
  let t: TestApp;
  let db: DataSource;

  beforeAll(async () => {
    t = await startTestApp();
    db = await new DataSource({ type: 'postgres', url: t.databaseUrl }).initialize();
  });
  afterAll(async () => {
    await db.destroy();
    await t.close();
  });

  it('backfills the names of open tasks from their diagram, and their search text', async () => {
    // given an open task created before the migration (the column dropped again by its down)
    const started = await t.http.post('/api/process-instances').send({ definitionKey: 'service-request', businessKey: 'SR-MIG-ZH', variables: SERVICE_REQUEST_START }).expect(201);
    const migration = new TaskLocalNames1768950000000();
    const q = db.createQueryRunner();
    await migration.down(q);
    expect((await q.query(`SELECT search_text FROM tasks WHERE instance_id = $1`, [started.body.id]))[0].search_text).not.toContain('核实');
    // when
    await migration.up(q);
    await q.release();
    // then
    const [row] = await db.query(`SELECT names, search_text FROM tasks WHERE instance_id = $1`, [started.body.id]);
    expect(row.names).toEqual({ 'zh-CN': '记录并核实报修' });
    expect(row.search_text).toContain('记录并核实报修');
    const page = (await t.http.get('/api/tasks').query({ status: 'open', search: '核实 SR-MIG-ZH' }).expect(200)).body;
    expect(page.items.map((i: { processInstanceId: string }) => i.processInstanceId)).toEqual([started.body.id]);
  });
});
