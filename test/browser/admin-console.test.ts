// The admin console in real Chromium: an admin creates a group and a user in it, issues an API key (which then works),
// subscribes a webhook to a loopback receiver and sends a signed test delivery, and finds it all in the audit log.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { errorsOf, saveScreenshot, startBrowserApp, type BrowserApp } from '../support/browser';
import { WebhookReceiver } from '../support/webhook-receiver';

describe('admin console in the browser', () => {
  const receiver = new WebhookReceiver(() => ({ status: 204 }));
  let app: BrowserApp;
  let page: Page;
  let hookUrl: string;

  beforeAll(async () => {
    hookUrl = await receiver.start();
    app = await startBrowserApp({ env: { OUTBOUND_ALLOW: '127.0.0.1', WEBHOOK_POLL_MS: '0' } });
    page = await app.newPage({ locale: 'en', name: 'ops.admin', role: 'admin' });
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await receiver.stop();
  });

  const tab = (name: string) => page.getByRole('tab', { name }).click();

  it('creates a user with a group, issues a key, subscribes a webhook and sends a test delivery', async () => {
    await page.goto('/admin');
    // a group first
    await tab('Groups');
    await page.getByLabel('Group id').fill('night-shift');
    await page.getByRole('button', { name: 'Create' }).click();
    await page.locator('tr[data-group="night-shift"]').waitFor();

    // when the admin creates a user in it
    await tab('Users');
    await page.getByLabel('Username').fill('zhao.lei');
    await page.getByLabel('Password (12+ characters)').fill('zhao-lei-password-1');
    await page.getByLabel('Role').selectOption('technician');
    await page.getByLabel('Groups').selectOption(['night-shift']);
    await page.getByRole('button', { name: 'Create' }).click();
    // then the user is listed with the group, and the server agrees
    const row = page.locator('tr[data-username="zhao.lei"]');
    await row.getByText('night-shift').waitFor();
    const groups = (await app.http.get('/api/groups').expect(200)).body as { id: string; members: string[] }[];
    expect(groups.find((g) => g.id === 'night-shift')?.members).toEqual(['zhao.lei']);

    // when the admin issues a key that may start requests
    await tab('API keys');
    await page.getByLabel('Key name').fill('crm-sync');
    await page.locator('input[name="scope-start"]').check();
    await page.getByRole('button', { name: 'Issue key' }).click();
    const key = (await page.getByTestId('issued-key').locator('code').innerText()).trim();
    // then the key is listed as never used and it works for what its scope reaches
    await page.locator('tr[data-key="crm-sync"]').getByText('never').waitFor();
    await app.anon.post('/api/process-instances').set('X-API-Key', key).send({ definitionKey: 'nope' }).expect(404);
    // and once used (recorded in the background), the list says when
    for (let i = 0; i < 50 && !(await app.http.get('/api/api-keys').expect(200)).body.items.find((k: { name: string; lastUsedAt: string | null }) => k.name === 'crm-sync').lastUsedAt; i++) await page.waitForTimeout(100);
    await tab('Users');
    await tab('API keys');
    await page.locator('tr[data-key="crm-sync"] td').nth(2).filter({ hasNotText: 'never' }).waitFor();

    // when the admin subscribes a webhook and sends a test delivery
    await tab('Webhooks');
    await page.getByLabel('URL').fill(`${hookUrl}/crm`);
    await page.getByRole('button', { name: 'Subscribe' }).click();
    const secret = (await page.locator('.once code').innerText()).trim();
    receiver.secrets.set('/crm', secret);
    const hook = page.locator(`tr[data-webhook="${hookUrl}/crm"]`);
    await hook.getByRole('button', { name: 'Send test delivery' }).click();
    // then the receiver got one signed webhook.test, and the screen says it went through
    await hook.getByTestId('test-result').getByText('Test delivery: OK 204').waitFor();
    expect(receiver.received).toEqual([expect.objectContaining({ path: '/crm', event: 'webhook.test', validSignature: true })]);
    await saveScreenshot(page, 'admin-webhooks');

    // and the audit log, filtered, shows who did it
    await tab('Audit log');
    await page.getByLabel('Action').fill('webhook.tested');
    await page.getByRole('button', { name: 'Filter' }).click();
    // (the unfiltered rows go once the filtered answer is in)
    await page.waitForFunction(() => document.querySelectorAll('.admin tbody tr').length === 1);
    expect(await page.locator('tr[data-action="webhook.tested"] td').allInnerTexts()).toEqual([expect.any(String), 'user:ops.admin', 'webhook.tested', expect.stringMatching(/^webhook [0-9a-f-]{36}$/), expect.stringContaining('"ok":true')]);
    expect(errorsOf(page)).toEqual([]);
  }, 120_000);

  it('exports the filtered audit log as CSV', async () => {
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const file = await (await download).path();
    const csv = readFileSync(file!, 'utf8');
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe('id,at,actor,action,targetType,targetId,detail');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('"user:ops.admin","webhook.tested","webhook"');
  });

  it('is not offered to, and refuses, someone who is not an admin', async () => {
    const agent = await app.newPage({ locale: 'zh-CN', name: 'ag.zhou', role: 'agent' });
    await agent.goto('/admin');
    await agent.getByText('只有管理员可以打开系统管理。').waitFor();
    expect(await agent.getByRole('link', { name: '系统管理' }).count()).toBe(0);
  });
});
