// The customer's status page in Chromium: opened from the link in the e-mail the customer got (a real SMTP server on
// loopback), on a phone-sized screen in their language; shows progress and accepts the quote, which moves the process
// on; the service team's customer-visible comments show, internal ones never; an expired or wrong link gets a clear
// page; staff see the delivery log and send a failed delivery again with its Retry button.
import type { Page } from 'playwright-core';
import { FakeClock } from '../../src/common/clock';
import { errorsOf, saveScreenshot, startBrowserApp, type BrowserApp } from '../support/browser';
import { flushNotifications, repairRequest, toQuote } from '../support/customer-notify';
import { Scenario } from '../support/scenario';
import { SmtpReceiver, statusToken } from '../support/smtp-receiver';
import { closedPort } from '../support/webhook-receiver';

const PHONE = { width: 390, height: 844 };
// the page's fetches of an expired / wrong link answer 410 / 404 on purpose
const EXPECTED = [/status of 404/, /status of 410/];

describe('status page', () => {
  const s = new Scenario();
  const smtp = new SmtpReceiver((to) => to.startsWith('bounce'));
  let app: BrowserApp;

  beforeAll(async () => {
    const smtpUrl = await smtp.start();
    const downSms = `http://127.0.0.1:${await closedPort()}/sms`;
    s.clock.set('2040-03-05T01:00:00Z');
    app = await startBrowserApp({ clock: s.clock as FakeClock, env: { NOTIFY_POLL_MS: '0', SURVEY_POLL_MS: '0', WEBHOOK_POLL_MS: '0', NOTIFY_SMTP_URL: smtpUrl, NOTIFY_SMS_URL: downSms, NOTIFY_SMS_SECRET: 's', OUTBOUND_ALLOW: '127.0.0.1', TIME_ZONE: 'Asia/Shanghai' } });
    s.t = app;
  });
  afterAll(async () => {
    await app.close();
    await smtp.stop();
  });

  async function phonePage(): Promise<Page> {
    // the browser's own language is English: the page must still speak the customer's
    const page = await app.newPage({ locale: 'en', signedIn: false });
    await page.setViewportSize(PHONE);
    return page;
  }

  it('a Chinese customer opens the quote mail\'s link on a phone, sees the progress and accepts the quote', async () => {
    // given a request at its quote, notified by e-mail in Chinese
    const { id } = await s.start('service-request', repairRequest({ customerContact: 'wang.fang@example.cn', customerName: '王芳' }), 'SR-WEB-Q1');
    await toQuote(s, id, 650);
    await flushNotifications(s);
    // and a note for the customer beside an internal one
    await s.t.http.post(`/api/process-instances/${id}/comments`).send({ body: '压缩机继电器需要更换，技术员会带备件。', visibility: 'customer' }).expect(201);
    await s.t.http.post(`/api/process-instances/${id}/comments`).send({ body: 'INTERNAL: check the customer\'s payment history' }).expect(201);
    const mail = smtp.to('wang.fang@example.cn').find((m) => m.subject.startsWith('维修报价待您确认'))!;
    const link = /https?:\/\/\S+\/status\/\S+/.exec(mail.text)![0];
    const page = await phonePage();
    // when the customer opens the link
    await page.goto(`/status/${statusToken(link)}`);
    // then the page speaks Chinese, without the staff frame, and shows the progress, the technician and the quote
    await page.getByRole('heading', { name: '您的服务请求 SR-WEB-Q1' }).waitFor();
    expect(await page.locator('.topbar').count()).toBe(0);
    expect(await page.getByTestId('status-technician').textContent()).toBe('Zhang Wei');
    expect(await page.getByTestId('status-done').locator('li').allTextContents()).toEqual(['已登记您的报修', '已评估您的报修', '已派技术员', '预约上门时间', '上门检测']);
    expect(await page.getByTestId('status-next').locator('li').allTextContents()).toEqual(['等待您确认报价']);
    await page.getByText('维修报价为 ¥650').waitFor();
    // the customer-visible comment, under a Chinese heading; the internal one nowhere
    await page.getByRole('heading', { name: '服务团队给您的留言' }).waitFor();
    expect(await page.getByTestId('status-comments').locator('li p').allTextContents()).toEqual(['压缩机继电器需要更换，技术员会带备件。']);
    expect(await page.content()).not.toContain('INTERNAL');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await saveScreenshot(page, 'status-quote-zh-CN');
    // when the customer accepts the quote
    await page.getByRole('button', { name: '接受报价' }).click();
    // then the page confirms and the process has moved on to the repair
    await page.getByTestId('quote-answered').getByText('您已接受 ¥650 的报价').waitFor();
    expect(await page.getByTestId('status-next').locator('li').allTextContents()).toEqual(['维修']);
    await saveScreenshot(page, 'status-accepted-zh-CN');
    const after = await s.instance(id);
    expect(s.openTasks(after)).toEqual(['Task_Repair']);
    expect(after.variables.quoteAccepted).toBe(true);
    expect(errorsOf(page, EXPECTED)).toEqual([]);
  });

  it('an expired link and a wrong link get a clear page', async () => {
    await s.start('service-request', repairRequest({ customerContact: 'late@example.com', customerLanguage: 'en' }), 'SR-WEB-Q2');
    await flushNotifications(s);
    const token = statusToken(smtp.to('late@example.com')[0].text);
    s.clock.advance(31 * 24 * 3600 * 1000);
    const page = await phonePage();
    await page.goto(`/status/${token}`);
    await page.getByRole('heading', { name: 'This link has expired' }).waitFor();
    await saveScreenshot(page, 'status-expired-en');
    await page.goto(`/status/${'x'.repeat(43)}`);
    await page.getByRole('heading', { name: 'This link is not valid' }).waitFor();
    expect(errorsOf(page, EXPECTED)).toEqual([]);
  });

  it('staff see the request\'s notifications in the instance viewer, the failing SMS gateway with its reason', async () => {
    // given a customer with an e-mail address and a phone, and an SMS gateway that is down
    const { id } = await s.start('service-request', repairRequest({ customerContact: 'both@example.com', customerPhone: '+86 139 0000 0000' }), 'SR-WEB-Q3');
    await flushNotifications(s);
    // when a supervisor opens the request
    const page = await app.newPage({ locale: 'en', role: 'supervisor' });
    await page.goto(`/instances/${id}`);
    // then the delivery log shows the sent mail and the SMS that will be retried, with why
    const table = page.getByTestId('customer-notifications');
    await table.waitFor();
    expect(await table.locator('tr[data-status="sent"]').textContent()).toContain('email · both@example.com');
    const sms = table.locator('tr[data-status="pending"]');
    expect(await sms.textContent()).toMatch(/sms · \+86 139 0000 0000.*retrying.*×1.*unreachable/s);
    await saveScreenshot(page, 'instance-notifications-en');
  });

  it('a supervisor sends a failed delivery again with its Retry button', async () => {
    // given a request whose acknowledgement mail the server refused on every attempt
    const { id } = await s.start('service-request', repairRequest({ customerContact: 'bounce@example.com', customerLanguage: 'en' }), 'SR-WEB-Q4');
    for (let i = 0; i < 8; i++) {
      await flushNotifications(s);
      s.clock.advance(13 * 3600 * 1000);
    }
    const failed = (await s.t.http.get(`/api/process-instances/${id}/notifications`).expect(200)).body.items;
    expect(failed).toEqual([expect.objectContaining({ status: 'failed', lastError: 'SMTP 550' })]);
    // when a supervisor opens the request and presses Retry on it
    const page = await app.newPage({ locale: 'en', role: 'supervisor' });
    await page.goto(`/instances/${id}`);
    const row = page.getByTestId('customer-notifications').locator(`tr[data-delivery="${failed[0].id}"]`);
    await row.waitFor();
    expect(await row.getAttribute('data-status')).toBe('failed');
    await row.getByRole('button', { name: 'Retry' }).click();
    // then the delivery is pending again with fresh attempts, and the page says so
    await page.getByText('Sent again: the delivery is pending.').waitFor();
    await page.locator(`tr[data-delivery="${failed[0].id}"][data-status="pending"]`).waitFor();
    expect(await row.getByRole('button', { name: 'Retry' }).count()).toBe(0);
    expect((await s.t.http.get(`/api/process-instances/${id}/notifications`).expect(200)).body.items[0]).toMatchObject({ status: 'pending', attempts: 0 });
    const audit = (await s.t.http.get('/api/audit').query({ action: 'notification.retried', targetId: id }).expect(200)).body.items;
    expect(audit).toEqual([expect.objectContaining({ actor: 'user:tester' })]);
    await saveScreenshot(page, 'instance-notification-retried-en');
    expect(errorsOf(page, EXPECTED)).toEqual([]);
  });
});
