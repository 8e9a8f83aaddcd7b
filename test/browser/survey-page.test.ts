// The customer's survey page in Chromium: opened from the link the customer got, on a phone-sized screen, in Chinese
// and English; filled and sent (a low score starts recovery); used, expired and unknown links get a clear page.
import type { Page } from 'playwright-core';
import { FakeClock } from '../../src/common/clock';
import { errorsOf, saveScreenshot, startBrowserApp, type BrowserApp } from '../support/browser';
import { HOUR, Scenario } from '../support/scenario';
import { relay, resolveRemotely, surveysOf, tokensReceived, wechatGateway } from '../support/surveys';
import { WebhookReceiver } from '../support/webhook-receiver';

const PHONE = { width: 390, height: 844 };
// the page's fetches of a used / expired / unknown link answer 409 / 410 / 404 on purpose
const EXPECTED = [/status of 40[49]/, /status of 410/];

describe('survey page', () => {
  const s = new Scenario();
  const gateway = new WebhookReceiver(() => ({ status: 202 }));
  let app: BrowserApp;

  beforeAll(async () => {
    const url = await gateway.start();
    s.clock.set('2040-03-05T01:00:00Z');
    app = await startBrowserApp({ clock: s.clock as FakeClock, env: { SURVEY_POLL_MS: '0', WEBHOOK_POLL_MS: '0', ...wechatGateway(url) } });
    s.t = app;
  });
  afterAll(async () => {
    await app.close();
    await gateway.stop();
  });

  async function surveyLink(businessKey: string): Promise<{ requestId: string; token: string }> {
    const requestId = await resolveRemotely(s, businessKey);
    await relay(s);
    await s.advance(24 * HOUR);
    return { requestId, token: (await tokensReceived(s, gateway)).at(-1)! };
  }

  async function phonePage(locale: 'en' | 'zh-CN'): Promise<Page> {
    const page = await app.newPage({ locale, signedIn: false });
    await page.setViewportSize(PHONE);
    return page;
  }

  it('a customer fills the survey in Chinese on a phone; the low score starts a supervisor call-back', async () => {
    // given
    const { requestId, token } = await surveyLink('SR-WEB-1');
    const page = await phonePage('zh-CN');
    // when the customer opens the link
    await page.goto(`/survey/${token}`);
    // then the survey shows without the staff frame
    await page.getByRole('heading', { name: '您对我们的服务满意吗？' }).waitFor();
    await page.getByText('尊敬的王芳').waitFor();
    expect(await page.locator('.topbar').count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await saveScreenshot(page, 'survey-phone-zh-CN');
    // when sent without the required answers
    await page.getByRole('button', { name: '提交' }).click();
    // then it says what is missing and sends nothing
    await page.getByText('请回答下面标出的问题。').waitFor();
    expect(await page.getByTestId('q-overall').getAttribute('aria-invalid')).toBe('true');
    // when the customer scores every dimension, overall 2, NPS 3, and writes a suggestion
    const dims = ['responseSpeed', 'professionalism', 'resolutionEffect', 'communication', 'attitude', 'transparency', 'fairCharges', 'brandImpression'];
    for (const [i, d] of dims.entries()) await page.getByTestId(`q-${d}`).getByRole('radio', { name: `${1 + (i % 3)} – ` }).check();
    await page.getByTestId('q-overall').getByRole('radio', { name: '2 – 不满意' }).check();
    await page.getByTestId('q-nps').getByRole('radio', { name: '3', exact: true }).check();
    await page.getByLabel('您对我们还有什么建议？（选填）').fill('技术员迟到了两个小时');
    await page.getByRole('button', { name: '提交' }).click();
    // then the thank-you page promises the call-back
    await page.getByTestId('survey-thanks').waitFor();
    await page.getByText('主管会尽快给您回电').waitFor();
    await saveScreenshot(page, 'survey-thanks-zh-CN');
    const [survey] = await surveysOf(s, requestId);
    expect(survey).toMatchObject({ status: 'answered', overall: 2, nps: 3, suggestions: '技术员迟到了两个小时', lowScore: true, recovery: { kind: 'callback' } });
    expect(survey.scores).toEqual({ responseSpeed: 1, professionalism: 2, resolutionEffect: 3, communication: 1, attitude: 2, transparency: 3, fairCharges: 1, brandImpression: 2 });
    expect(s.openTasks(await s.instance(survey.processInstanceId))).toEqual(['Task_RecoveryCallback']);
    // when the link is opened again
    await page.reload();
    // then it says it was used
    await page.getByRole('heading', { name: '此问卷已填写' }).waitFor();
    await saveScreenshot(page, 'survey-used-zh-CN');
    expect(errorsOf(page, EXPECTED)).toEqual([]);
  });

  it('in English, switching language on the page; "I want to complain" is sent along', async () => {
    const { requestId, token } = await surveyLink('SR-WEB-2');
    const page = await phonePage('zh-CN');
    await page.goto(`/survey/${token}`);
    await page.getByRole('heading', { name: '您对我们的服务满意吗？' }).waitFor();
    // when
    await page.getByTestId('lang-switch').click();
    // then
    await page.getByRole('heading', { name: 'How did we do?' }).waitFor();
    await page.getByTestId('q-overall').getByRole('radio', { name: '1 – Very dissatisfied' }).check();
    await page.getByTestId('q-nps').getByRole('radio', { name: '0', exact: true }).check();
    await page.getByLabel('I would like to file a formal complaint about this service').check();
    await saveScreenshot(page, 'survey-phone-en');
    await page.getByRole('button', { name: 'Send my answers' }).click();
    await page.getByText('Your complaint has been registered').waitFor();
    expect((await surveysOf(s, requestId))[0]).toMatchObject({ overall: 1, nps: 0, wantsComplaint: true, scores: {} });
    expect(errorsOf(page, EXPECTED)).toEqual([]);
  });

  it('an expired link and an unknown link get a clear page, not an error', async () => {
    const { token } = await surveyLink('SR-WEB-3');
    await s.advance(7 * 24 * HOUR);
    const page = await phonePage('en');
    // when
    await page.goto(`/survey/${token}`);
    // then
    await page.getByRole('heading', { name: 'This survey has expired' }).waitFor();
    await saveScreenshot(page, 'survey-expired-en');
    await page.goto(`/survey/${'x'.repeat(43)}`);
    await page.getByRole('heading', { name: 'This survey link is not valid' }).waitFor();
    expect(errorsOf(page, EXPECTED)).toEqual([]);
  });
});
