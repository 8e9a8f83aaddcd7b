// External tasks with two server processes on one database: a completion races across replicas and workers and is
// applied exactly once; a long poll on one replica returns as soon as a task appears on the other; the number of
// waiting long polls is capped per replica.
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { startTestApp, type TestApp } from '../support/app';
import { invoiceProcess, Worker } from '../support/external-tasks';
import { listenLocally, startReplica } from '../support/replica';

describe('external tasks across replicas', () => {
  let t: TestApp;
  let replica: NestExpressApplication;
  let urlA: string;
  let urlB: string;
  let key: string;

  beforeAll(async () => {
    t = await startTestApp({ env: { EXTERNAL_TASK_POLL_MS: '50' } });
    await t.app.listen(0, '127.0.0.1');
    urlA = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    replica = await startReplica(t, { env: { EXTERNAL_TASK_POLL_MS: '50', EXTERNAL_TASK_MAX_LONG_POLLS: '2' } });
    urlB = await listenLocally(replica);
    key = await t.apiKey(['external-tasks']);
    await t.http.post('/api/definitions').send({ xml: invoiceProcess('ext-race', 'raceTopic') }).expect(201);
    await t.http.post('/api/definitions').send({ xml: invoiceProcess('ext-poll', 'pollTopic') }).expect(201);
  });
  afterAll(async () => {
    await replica.close();
    await t.close();
  });

  const start = async (definitionKey: string) => (await t.http.post('/api/process-instances').send({ definitionKey, variables: {} }).expect(201)).body.id as string;
  const count = async (sql: string, params: unknown[]) => Number((await t.app.get(DataSource).query(sql, params))[0].n);

  it('a completion is applied exactly once when the worker’s completes race on both replicas', async () => {
    // given 5 instances, each task locked by one worker
    const ids = await Promise.all([1, 2, 3, 4, 5].map(() => start('ext-race')));
    const tasks = await new Worker(urlA, key, 'racer').fetch('raceTopic', { maxTasks: 10 });
    expect(tasks).toHaveLength(5);
    // when each task is completed 6 times at once, alternating replicas
    const statuses = await Promise.all(tasks.flatMap((task) => [0, 1, 2, 3, 4, 5].map(async (i) => ({ task: task.id, status: (await new Worker(i % 2 ? urlB : urlA, key, 'racer').complete(task.id)).status }))));
    // then exactly one 204 per task, the others 409
    for (const task of tasks) {
      const mine = statuses.filter((s) => s.task === task.id).map((s) => s.status).sort();
      expect(mine).toEqual([204, 409, 409, 409, 409, 409]);
    }
    // and each instance moved on once: one completion in the history, completed
    for (const id of ids) {
      expect(await count(`SELECT count(*) AS n FROM history WHERE instance_id = $1 AND type = 'external_task.completed'`, [id])).toBe(1);
      expect(await count(`SELECT count(*) AS n FROM history WHERE instance_id = $1 AND type = 'process.completed'`, [id])).toBe(1);
    }
  });

  it('two workers racing for a task on different replicas: one completes, the other gets 409', async () => {
    await start('ext-race');
    const [[a], [b]] = await Promise.all([new Worker(urlA, key, 'a').fetch('raceTopic'), new Worker(urlB, key, 'b').fetch('raceTopic')]);
    // one fetch got it, the other nothing (SKIP LOCKED); the loser completing by id gets 409
    const winner = a ?? b;
    expect([a, b].filter(Boolean)).toHaveLength(1);
    const loser = new Worker(a ? urlB : urlA, key, a ? 'b' : 'a');
    const [lost, won] = await Promise.all([loser.complete(winner.id), new Worker(a ? urlA : urlB, key, winner.workerId).complete(winner.id)]);
    expect([lost.status, won.status]).toEqual([409, 204]);
  });

  it('a long poll returns as soon as a task appears, also when another replica created it', async () => {
    // given a worker waiting on replica B for up to 20 s
    const began = Date.now();
    const waiting = new Worker(urlB, key, 'poller').fetch('pollTopic', { asyncResponseTimeout: 20_000 });
    await new Promise((r) => setTimeout(r, 300));
    // when an instance reaches the task through replica A
    const id = await start('ext-poll');
    // then the waiting request answers with it, long before its timeout
    const tasks = await waiting;
    expect(tasks).toEqual([expect.objectContaining({ processInstanceId: id, topicName: 'pollTopic', workerId: 'poller' })]);
    expect(Date.now() - began).toBeLessThan(10_000);
    await new Worker(urlA, key, 'poller').complete(tasks[0].id).expect(204);
  });

  it('a long poll whose client went away locks nothing', async () => {
    // given a worker that gives up its long poll
    const abort = new AbortController();
    const body = JSON.stringify({ workerId: 'quitter', maxTasks: 1, asyncResponseTimeout: 10_000, topics: [{ topicName: 'pollTopic', lockDuration: 60_000 }] });
    const gone = fetch(`${urlB}/api/external-tasks/fetch-and-lock`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': key }, body, signal: abort.signal }).catch(() => 'aborted');
    await new Promise((r) => setTimeout(r, 200));
    abort.abort();
    expect(await gone).toBe('aborted');
    // when a task appears
    const id = await start('ext-poll');
    await new Promise((r) => setTimeout(r, 300));
    // then it is still free for the next worker
    const [task] = (await t.http.get(`/api/external-tasks?processInstanceId=${id}`).expect(200)).body.items;
    expect(task.workerId).toBeNull();
    const [fetched] = await new Worker(urlA, key, 'next').fetch('pollTopic');
    await new Worker(urlA, key, 'next').complete(fetched.id).expect(204);
  });

  it('a long poll with nothing to do answers [] after asyncResponseTimeout; a replica caps waiting polls with 429', async () => {
    const nothing = new Worker(urlB, key, 'idle').fetch('noSuchTopic', { asyncResponseTimeout: 300 });
    expect(await nothing).toEqual([]);
    // replica B allows 2 waiting long polls
    const long = [1, 2].map((i) => new Worker(urlB, key, `idle-${i}`).fetch('noSuchTopic', { asyncResponseTimeout: 1500 }));
    await new Promise((r) => setTimeout(r, 200));
    const third = await new Worker(urlB, key, 'idle-3').post('/fetch-and-lock', { workerId: 'idle-3', maxTasks: 1, asyncResponseTimeout: 1000, topics: [{ topicName: 'noSuchTopic', lockDuration: 1000 }] });
    expect(third.status).toBe(429);
    expect(third.body.message).toMatch(/too many waiting long polls/);
    expect(await Promise.all(long)).toEqual([[], []]);
  });
});
