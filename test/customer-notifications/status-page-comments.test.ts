// Customer-visible comments on the customer's status page: the ones staff marked for the customer, oldest first, with
// the writer's shown name; internal comments never, nor anything of another request.
import { flushNotifications } from '../support/customer-notify';
import { resolveRemotely, surveyScenario } from '../support/surveys';

describe('status page comments', () => {
  let ctx: Awaited<ReturnType<typeof surveyScenario>>;
  beforeAll(async () => { ctx = await surveyScenario(); });
  afterAll(() => ctx.close());

  const statusLink = (reference: string) => {
    const text = ctx.gateway.at('/wechat').map((r) => (r.body as any).text as string).find((t) => t.includes(reference))!;
    return /\/status\/([A-Za-z0-9_-]{43})/.exec(text)![1];
  };

  it('shows the customer-visible comments of this request only, never internal ones', async () => {
    const { s } = ctx;
    // given two requests, each with an internal and a customer-visible comment
    const id = await resolveRemotely(s, 'SR-CMT-1', { customerLanguage: 'en' });
    const other = await resolveRemotely(s, 'SR-CMT-2');
    const tech = await s.t.as('li.wei', ['technician']);
    await tech.post(`/api/process-instances/${id}/comments`).send({ body: 'Customer sounded annoyed; internal only' }).expect(201);
    await tech.post(`/api/process-instances/${id}/comments`).send({ body: 'We will bring a spare relay tomorrow', visibility: 'customer' }).expect(201);
    s.clock.advance(60_000);
    await s.t.http.post(`/api/process-instances/${id}/comments`).send({ body: 'The relay is on its way', visibility: 'customer' }).expect(201);
    await tech.post(`/api/process-instances/${other}/comments`).send({ body: 'Another customer\'s note', visibility: 'customer' }).expect(201);
    await flushNotifications(s);
    // when the customer opens their status link
    const page = (await s.t.anon.get(`/api/public/status/${statusLink('SR-CMT-1')}`).expect(200)).body;
    // then the page carries the two customer-visible comments, oldest first, and nothing internal or of the other request
    expect(page.language).toBe('en');
    expect(page.comments.map((c: any) => c.body)).toEqual(['We will bring a spare relay tomorrow', 'The relay is on its way']);
    expect(page.comments[0]).toEqual({ body: 'We will bring a spare relay tomorrow', author: 'li.wei', at: expect.any(String) });
    expect(JSON.stringify(page)).not.toMatch(/internal only|Another customer/);
    // and the other request's page shows only its own
    expect((await s.t.anon.get(`/api/public/status/${statusLink('SR-CMT-2')}`).expect(200)).body.comments.map((c: any) => c.body)).toEqual(['Another customer\'s note']);
  });
});
