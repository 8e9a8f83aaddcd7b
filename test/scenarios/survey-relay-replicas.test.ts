// Two replicas relay the same resolutions at the same time: each resolution starts exactly one survey; a cancelled
// survey's link answers 410.
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SurveyRelay } from '../../src/surveys/survey-relay';
import { startReplica } from '../support/replica';
import { relay, resolveRemotely, surveyMessages, surveyScenario, surveysOf } from '../support/surveys';
import { HOUR } from '../support/scenario';

describe('survey relay with two replicas', () => {
  let ctx: Awaited<ReturnType<typeof surveyScenario>>;
  let replica: NestExpressApplication;
  beforeAll(async () => {
    ctx = await surveyScenario();
    // Its customer-notification poller off too: it has no WeChat gateway, and a pass of it could take the invitation.
    replica = await startReplica(ctx.s.t, { clock: ctx.s.clock, env: { SURVEY_POLL_MS: '0', WEBHOOK_POLL_MS: '0', NOTIFY_POLL_MS: '0' } });
  });
  afterAll(async () => {
    await replica.close();
    await ctx.close();
  });

  it('8 resolutions relayed by both replicas at once start 8 surveys, one each', async () => {
    const { s } = ctx;
    // given
    const ids: string[] = [];
    for (let i = 0; i < 8; i++) ids.push(await resolveRemotely(s, `SR-REPL-${i}`));
    // when both replicas relay, three times each, concurrently
    const other = replica.get(SurveyRelay);
    const started = await Promise.all([relay(s), other.relay(), relay(s), other.relay(), relay(s), other.relay()]);
    // and once more afterwards, as the next poll would: a relay that found the cursor taken gave way to one that may
    // have read before every row was readable, so the concurrent round alone need not have seen all eight
    started.push(await relay(s), await other.relay());
    // then
    expect(started.reduce((a, b) => a + b, 0)).toBe(8);
    for (const id of ids) expect((await surveysOf(s, id)).map((x) => x.resolutionKey)).toEqual([`${id}#1`]);
    const all = (await s.t.http.get('/api/process-instances?definitionKey=satisfaction-survey&limit=200').expect(200)).body.items;
    expect(all.filter((i: { businessKey: string }) => i.businessKey.startsWith('SV-SR-REPL-'))).toHaveLength(8);
  });

  it('a survey cancelled by staff: its link answers 410', async () => {
    const { s, gateway } = ctx;
    const id = await resolveRemotely(s, 'SR-REPL-CANCEL');
    await relay(s);
    await s.advance(24 * HOUR);
    const [survey] = await surveysOf(s, id);
    // the first test's eight surveys fall due in the same 24 h: take this request's invitation, sent exactly once
    const invitations = (await surveyMessages(s, gateway)).filter((m) => m.text.includes('SR-REPL-CANCEL'));
    expect(invitations).toHaveLength(1);
    const token = invitations[0].token;
    await s.t.http.get(`/api/public/surveys/${token}`).expect(200);
    // when
    await s.t.http.delete(`/api/process-instances/${survey.processInstanceId}`).send({ reason: 'customer asked not to be contacted' }).expect(200);
    // then
    await s.t.http.get(`/api/public/surveys/${token}`).expect(410);
    await s.t.http.post(`/api/public/surveys/${token}`).send({ scores: {}, overall: 5, nps: 10 }).expect(410);
  });
});
