// Import of Camunda 7 and Flowable diagrams: code references become external-task topics, listeners are removed,
// Flowable assignments become Camunda ones, Quartz cron becomes standard cron; the report says what changed.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ServiceRegistry } from '../../src/engine/service-registry';
import { startTestApp, type TestApp } from '../support/app';

const fixture = (name: string) => readFileSync(resolve(__dirname, '../fixtures/third-party', name), 'utf8');
type Detail = { elementId: string; message: string };

describe('importing diagrams from Camunda 7 and Flowable', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    // Stand-ins for the integrator's workers, so that the converted topics deploy and run here.
    const registry = t.app.get(ServiceRegistry);
    for (const topic of ['reserveStock', 'chargeCard', 'notifier.orderShipped', 'payClaim', 'backlogCollector', 'mailer.send']) registry.register(topic, 'test worker', () => ({}));
  });
  afterAll(() => t.close());

  it('refuses the Camunda 7 diagram at plain deploy, naming each element and what to change', async () => {
    const res = await t.http.post('/api/definitions').send({ xml: fixture('camunda-7-java-delegates.bpmn') }).expect(400);
    const byElement = (id: string) => res.body.details.filter((d: Detail) => d.elementId === id).map((d: Detail) => d.message).join('\n');
    expect(byElement('Task_ReserveStock')).toMatch(/camunda:class refers to code .* use camunda:type="external"/);
    expect(byElement('Task_ChargeCard')).toMatch(/camunda:delegateExpression refers to code/);
    expect(byElement('Task_PackOrder')).toMatch(/camunda:TaskListener is not supported/);
    expect(byElement('order-fulfilment')).toMatch(/camunda:ExecutionListener is not supported/);
  });

  it('takes a diagram as large as a deploy takes (not only a command-sized body)', async () => {
    // given: 400 KB of documentation, beyond the 320 KiB bound of command bodies, within MAX_BPMN_BYTES
    const xml = fixture('camunda-7-java-delegates.bpmn').replace('</bpmn:process>', `<bpmn:documentation>${'x'.repeat(400 * 1024)}</bpmn:documentation></bpmn:process>`);
    // when / then
    await t.http.post('/api/definitions/import/preview').send({ xml }).expect(200);
  });

  it('previews the conversion of a Camunda 7 diagram without deploying it', async () => {
    // when
    const res = await t.http.post('/api/definitions/import/preview').send({ xml: fixture('camunda-7-java-delegates.bpmn') }).expect(200);
    // then
    expect(res.body.conversions).toEqual([
      { elementId: 'order-fulfilment', kind: 'listener', action: 'removed', from: 'ExecutionListener on start: com.example.orders.ProcessStartedListener', to: null, note: expect.any(String) },
      { elementId: 'Task_ReserveStock', kind: 'service-task', action: 'converted', from: 'camunda:class="com.example.orders.ReserveStockDelegate"', to: 'camunda:type="external" camunda:topic="reserveStock"', note: expect.any(String) },
      { elementId: 'Task_ChargeCard', kind: 'service-task', action: 'converted', from: 'camunda:delegateExpression="${chargeCardDelegate}"', to: 'camunda:type="external" camunda:topic="chargeCard"', note: expect.any(String) },
      { elementId: 'Task_PackOrder', kind: 'listener', action: 'removed', from: 'TaskListener on create: com.example.orders.PackingAssignedListener', to: null, note: expect.any(String) },
      { elementId: 'Task_Notify', kind: 'service-task', action: 'converted', from: 'camunda:expression="${notifier.orderShipped(execution)}"', to: 'camunda:type="external" camunda:topic="notifier.orderShipped"', note: expect.any(String) },
    ]);
    expect(res.body.xml).toContain('camunda:topic="reserveStock"');
    expect(res.body.xml).not.toMatch(/camunda:class|Listener|delegateExpression/);
    expect(res.body.xml).toContain('camunda:historyTimeToLive="P30D"');
    expect(res.body.xml).toContain('<bpmndi:BPMNShape id="Task_ReserveStock_di"');
    expect(res.body.preview).toMatchObject({ key: 'order-fulfilment', currentVersion: null, nextVersion: 1 });
    expect(res.body.preview.problems.filter((p: { severity: string }) => p.severity === 'error')).toEqual([]);
    await t.http.get('/api/definitions/order-fulfilment').expect(404);
  });

  it('imports the Camunda 7 diagram, which then runs to the task offered to its candidate user', async () => {
    // when
    const res = await t.http.post('/api/definitions/import').send({ xml: fixture('camunda-7-java-delegates.bpmn') }).expect(201);
    // then
    expect(res.body).toMatchObject({ key: 'order-fulfilment', version: 1, created: true });
    expect(res.body.conversions).toHaveLength(5);
    const started = await t.http.post('/api/process-instances').send({ definitionKey: 'order-fulfilment' }).expect(201);
    expect(started.body.activeActivityIds).toEqual(['Task_PackOrder']);
    const li = await t.as('li.lei', ['technician']);
    const tasks = (await li.get('/api/tasks').query({ processInstanceId: started.body.id }).expect(200)).body.items;
    expect(tasks).toEqual([expect.objectContaining({ activityId: 'Task_PackOrder', candidateRoles: ['warehouse'], candidateUsers: ['li.lei'] })]);
    const other = await t.as('han.mei', ['technician']);
    expect((await other.get('/api/tasks').query({ processInstanceId: started.body.id }).expect(200)).body.total).toBe(0);
  });

  it('imports a Flowable diagram: its groups, ${amount > 1000}, a Java class and a task listener', async () => {
    // when
    const res = await t.http.post('/api/definitions/import').attach('file', Buffer.from(fixture('flowable-expense.bpmn20.xml')), 'expense.bpmn20.xml').expect(201);
    // then
    expect(res.body.conversions).toEqual(
      expect.arrayContaining([
        { elementId: 'checkClaim', kind: 'attribute', action: 'converted', from: 'flowable:candidateGroups="finance"', to: 'camunda:candidateGroups="finance"' },
        expect.objectContaining({ elementId: 'checkClaim', kind: 'listener', action: 'removed', from: 'taskListener on create: com.example.expense.NotifyFinanceListener' }),
        expect.objectContaining({ elementId: 'payClaim', kind: 'service-task', from: 'camunda:class="com.example.expense.PayClaimDelegate"', to: 'camunda:type="external" camunda:topic="payClaim"' }),
      ]),
    );
    expect(res.body.warnings).toEqual(expect.arrayContaining([{ elementId: 'largeFlow', message: expect.stringContaining('${amount > 1000} is translated to FEEL: =amount > 1000') }]));
    const big = await t.http.post('/api/process-instances').send({ definitionKey: 'expenseClaim' }).expect(201);
    const [check] = (await t.http.get('/api/tasks').query({ processInstanceId: big.body.id, status: 'open' }).expect(200)).body.items;
    expect(check).toMatchObject({ activityId: 'checkClaim', candidateRoles: ['finance'] });
    const done = await t.http.post(`/api/tasks/${check.id}/complete`).send({ variables: { amount: 1500 } }).expect(200);
    expect(done.body.processInstance.activeActivityIds).toEqual(['managerApproval']);
  });

  it('imports a Flowable timer-started diagram: Quartz cron, delegate expression, expression with a method, listener', async () => {
    const res = await t.http.post('/api/definitions/import/preview').send({ xml: fixture('flowable-nightly-report.bpmn20.xml') }).expect(200);
    expect(res.body.conversions).toEqual([
      { elementId: 'timerStart', kind: 'timer', action: 'converted', from: '0 0 12 * * ?', to: '0 0 12 * * *', note: expect.stringMatching(/standard cron/) },
      { elementId: 'collectBacklog', kind: 'service-task', action: 'converted', from: 'camunda:delegateExpression="${backlogCollector}"', to: 'camunda:type="external" camunda:topic="backlogCollector"', note: expect.any(String) },
      { elementId: 'collectBacklog', kind: 'listener', action: 'removed', from: 'executionListener on start: ${auditLogger.log(execution)}', to: null, note: expect.any(String) },
      { elementId: 'sendReport', kind: 'service-task', action: 'converted', from: 'camunda:expression="${mailer.send(reportTo)}"', to: 'camunda:type="external" camunda:topic="mailer.send"', note: expect.any(String) },
      { elementId: 'sendReport', kind: 'attribute', action: 'removed', from: 'camunda:resultVariable="sent"', to: null, note: expect.any(String) },
    ]);
    expect(res.body.preview.problems.filter((p: { severity: string }) => p.severity === 'error')).toEqual([]);
    const deployed = await t.http.post('/api/definitions/import').send({ xml: fixture('flowable-nightly-report.bpmn20.xml') }).expect(201);
    expect(deployed.body).toMatchObject({ key: 'nightlyReport', version: 1 });
  });

  it('refuses what it cannot read with the deploy check reason, and leaves a diagram without code unchanged', async () => {
    expect((await t.http.post('/api/definitions/import').send({ xml: 'not xml at all' }).expect(400)).body.message).toMatch(/not a readable BPMN|no executable process/);
    expect((await t.http.post('/api/definitions/import').send({}).expect(400)).body.message).toMatch(/send the BPMN XML/);
    const xml = fixture('camunda-modeler-5-approval.bpmn');
    const res = await t.http.post('/api/definitions/import/preview').send({ xml }).expect(200);
    expect(res.body).toMatchObject({ xml, conversions: [] });
  });
});
