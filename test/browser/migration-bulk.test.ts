// Instance migration and bulk actions in real Chromium: a supervisor selects the instances of v1 on the list, dry-runs
// the migration to v2 (one instance waits at an activity v2 removed and is reported), migrates them as a batch and sees
// each outcome, maps the removed activity by hand for the one left and migrates it too; then cancels a selection in bulk, watching the batch's progress until all are cancelled.
import type { Page } from 'playwright-core';
import { bpmn } from '../support/bpmn';
import { errorsOf, saveScreenshot, startBrowserApp, type BrowserApp } from '../support/browser';

const flow = (id: string, from: string, to: string) => `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}" />`;
const task = (id: string, name: string) => `<bpmn:userTask id="${id}" name="${name}" camunda:candidateGroups="agent" />`;
/** v1: Start → Task_A → Task_B → End. */
const v1 = bpmn(`<bpmn:startEvent id="Start" />${flow('F1', 'Start', 'Task_A')}${task('Task_A', 'Check')}${flow('F2', 'Task_A', 'Task_B')}${task('Task_B', 'Old step')}${flow('F3', 'Task_B', 'End')}<bpmn:endEvent id="End" />`, { id: 'ui-migrating' });
/** v2: Task_B is gone, Task_C is new: Start → Task_A → Task_C → End. */
const v2 = bpmn(`<bpmn:startEvent id="Start" />${flow('F1', 'Start', 'Task_A')}${task('Task_A', 'Check (v2)')}${flow('F2', 'Task_A', 'Task_C')}${task('Task_C', 'New step')}${flow('F3', 'Task_C', 'End')}<bpmn:endEvent id="End" />`, { id: 'ui-migrating' });
const simple = bpmn(`<bpmn:startEvent id="Start" />${flow('F1', 'Start', 'Task_Wait')}${task('Task_Wait', 'Wait')}${flow('F2', 'Task_Wait', 'End')}<bpmn:endEvent id="End" />`, { id: 'ui-bulk-cancel' });

describe('instance migration and bulk actions in the browser', () => {
  let app: BrowserApp;
  let page: Page;
  const start = async (definitionKey: string, businessKey: string) => (await app.http.post('/api/process-instances').send({ definitionKey, businessKey }).expect(201)).body.id as string;
  const instance = async (id: string) => (await app.http.get(`/api/process-instances/${id}`).expect(200)).body;
  const openTasks = async (id: string) => (await app.http.get('/api/tasks').query({ processInstanceId: id, status: 'open' }).expect(200)).body.items;

  beforeAll(async () => {
    app = await startBrowserApp();
    page = await app.newPage({ locale: 'en', name: 'sup.li', role: 'supervisor' });
  }, 120_000);
  afterAll(() => app?.close());

  it('migrates the selected v1 instances to v2 after a dry run that reports the one that cannot move', async () => {
    // given three instances on v1, one of them already waiting at Task_B (which v2 removes)
    await app.http.post('/api/definitions').send({ xml: v1 }).expect(201);
    const ids = [await start('ui-migrating', 'MIG-1'), await start('ui-migrating', 'MIG-2'), await start('ui-migrating', 'MIG-3')];
    const [atA] = await openTasks(ids[2]);
    await app.http.post(`/api/tasks/${atA.id}/complete`).send({ variables: {} }).expect(200);
    const tasksBefore = await openTasks(ids[0]);
    await app.http.post('/api/definitions').send({ xml: v2 }).expect(201);

    // when the supervisor selects all of them on the list and chooses Migrate…
    await page.goto('/instances?definitionKey=ui-migrating&status=active');
    await page.getByTestId('page-info').getByText('1–3 of 3').waitFor();
    await page.getByRole('button', { name: 'Select all matching the filter (3)' }).click();
    await page.getByTestId('selected-count').getByText('3 selected').waitFor();
    await page.getByRole('button', { name: 'Migrate…' }).click();

    // then the migration screen shows the plan from v1 to v2, offering a hand mapping for Task_B
    await page.getByTestId('migration-instances').getByText('3 selected instances on v1').waitFor();
    expect(await page.getByLabel('To version').inputValue()).toBe('2');
    await page.getByTestId('migration-plan').getByRole('cell', { name: 'Task_A', exact: true }).waitFor();
    expect(await page.getByLabel('Map Old step (Task_B) to').locator('option').allTextContents()).toEqual(['(not mapped)', 'Check (v2) (Task_A)', 'New step (Task_C)']);

    // when the supervisor dry-runs the plan as generated
    await page.getByRole('button', { name: 'Dry run' }).click();
    // then MIG-3 is reported with the reason, and nothing changed
    await page.getByTestId('dry-run-summary').getByText('2 would migrate, 1 would fail').waitFor();
    const failing = page.locator('[data-testid="dry-run-report"][data-ok="false"]');
    expect(await failing.textContent()).toMatch(/MIG-3 cannot migrate: active activity Task_B has no migration instruction/);
    expect((await instance(ids[0])).definitionVersion).toBe(1);

    // when they migrate
    await page.getByRole('button', { name: 'Migrate 3 instances' }).click();
    // then the batch's progress ends with two migrated and MIG-3 reported and left on v1
    await page.getByTestId('batch-counts').getByText('2 done, 1 failed, 0 pending of 3').waitFor({ timeout: 30_000 });
    await page.getByText('Finished').waitFor();
    expect(await page.locator('[data-testid="batch-item"][data-status="failed"]').textContent()).toMatch(/MIG-3 failed: .*Task_B/);
    await saveScreenshot(page, 'migration-done');
    for (const id of ids.slice(0, 2)) {
      expect(await instance(id)).toMatchObject({ definitionVersion: 2, status: 'active', activeActivityIds: ['Task_A'] });
    }
    // the migrated instance kept its task (same id) with v2's name
    expect(await openTasks(ids[0])).toEqual([expect.objectContaining({ id: tasksBefore[0].id, activityId: 'Task_A', name: 'Check (v2)' })]);
    expect(await instance(ids[2])).toMatchObject({ definitionVersion: 1, activeActivityIds: ['Task_B'] });

    // when the supervisor maps Task_B to Task_C by hand for the one left, dry-runs and migrates again
    await page.getByTestId('migration-instances').getByText('1 selected instances on v1').waitFor();
    await page.getByLabel('Map Old step (Task_B) to').selectOption('Task_C');
    await page.getByTestId('manual-instruction').getByText('Task_C').waitFor();
    await page.getByRole('button', { name: 'Dry run' }).click();
    await page.getByTestId('dry-run-summary').getByText('1 would migrate, 0 would fail').waitFor();
    await page.getByRole('button', { name: 'Migrate 1 instances' }).click();
    // then it moves too, its task now at Task_C
    await page.getByTestId('batch-counts').getByText('1 done, 0 failed, 0 pending of 1').waitFor({ timeout: 30_000 });
    expect(await instance(ids[2])).toMatchObject({ definitionVersion: 2, activeActivityIds: ['Task_C'] });
    expect(await openTasks(ids[2])).toEqual([expect.objectContaining({ activityId: 'Task_C', name: 'New step' })]);
    expect(errorsOf(page)).toEqual([]);
  }, 120_000);

  it('cancels a selection in bulk, showing progress until all are cancelled', async () => {
    // given four waiting instances
    await app.http.post('/api/definitions').send({ xml: simple }).expect(201);
    const ids: string[] = [];
    for (let i = 1; i <= 4; i++) ids.push(await start('ui-bulk-cancel', `BULK-${i}`));
    await page.goto('/instances?definitionKey=ui-bulk-cancel');
    await page.locator('tr[data-instance-id]').nth(3).waitFor();

    // when the supervisor selects three and cancels them with a reason
    for (const key of ['BULK-1', 'BULK-2', 'BULK-4']) await page.getByLabel(`Select ${key}`).check();
    await page.getByTestId('selected-count').getByText('3 selected').waitFor();
    await page.getByRole('button', { name: 'Cancel…' }).click();
    await page.getByRole('button', { name: 'Cancel 3 instances' }).click();
    await page.getByRole('alert').getByText('Cancelling needs a reason.').waitFor();
    await page.getByLabel('Reason for cancelling').fill('test requests');
    await page.getByRole('button', { name: 'Cancel 3 instances' }).click();

    // then the progress shows, and ends with all three cancelled
    await page.getByTestId('batch-progress').waitFor();
    await page.getByTestId('batch-counts').getByText('3 done, 0 failed, 0 pending of 3').waitFor({ timeout: 30_000 });
    expect(await page.locator('[data-testid="batch-item"][data-status="done"]').count()).toBe(3);
    await saveScreenshot(page, 'bulk-cancel-done');
    for (const i of [0, 1, 3]) expect(await instance(ids[i])).toMatchObject({ status: 'cancelled', cancelReason: 'test requests' });
    expect((await instance(ids[2])).status).toBe('active');
    // and the list, reloaded when the batch finished, shows them cancelled
    await page.waitForFunction(() => document.querySelectorAll('tr[data-instance-id] .badge').length === 4 && Array.from(document.querySelectorAll('tr[data-instance-id] .badge')).filter((b) => /cancelled/i.test(b.textContent ?? '')).length === 3);
    const audit = (await app.http.get('/api/audit').query({ action: 'instance.cancelled' }).expect(200)).body.items;
    expect(audit.filter((a: { actor: string }) => a.actor === 'user:sup.li').map((a: { targetId: string }) => a.targetId).sort()).toEqual([ids[0], ids[1], ids[3]].sort());
    expect(errorsOf(page)).toEqual([]);
  }, 120_000);
});
