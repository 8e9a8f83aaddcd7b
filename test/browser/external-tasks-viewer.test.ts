// The instance viewer in real Chromium shows an instance's external task: waiting for a worker, then locked by one.
import type { Page } from 'playwright-core';
import { errorsOf, saveScreenshot, startBrowserApp, type BrowserApp } from '../support/browser';
import { invoiceProcess, Worker } from '../support/external-tasks';

describe('instance viewer: external tasks', () => {
  let app: BrowserApp;
  let page: Page;

  beforeAll(async () => {
    app = await startBrowserApp();
    page = await app.newPage({ locale: 'en', name: 'sup-ext', role: 'supervisor' });
    await app.http.post('/api/definitions').send({ xml: invoiceProcess() }).expect(201);
  });
  afterAll(() => app.close());

  it('shows the topic waiting for a worker, then who holds the lock', async () => {
    // given
    const { id } = (await app.http.post('/api/process-instances').send({ definitionKey: 'ext-invoice', variables: { amount: 99 } }).expect(201)).body;
    // when
    await page.goto(`/instances/${id}`);
    const panel = page.getByTestId('external-tasks');
    await panel.waitFor();
    // then
    expect(await panel.innerText()).toMatch(/Waiting for a worker\s+sendInvoice\s+SendInvoice/);
    await page.getByText('External task created').waitFor();
    // when a worker locks it
    await new Worker(app.baseUrl, await app.apiKey(['external-tasks']), 'mailer-7').fetch('sendInvoice');
    await page.reload();
    await panel.waitFor();
    // then
    expect(await panel.innerText()).toMatch(/Locked\s+sendInvoice\s+SendInvoice\s+by mailer-7 until/);
    await saveScreenshot(page, 'instance-external-task');
    expect(errorsOf(page)).toEqual([]);
  });
});
