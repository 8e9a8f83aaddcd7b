// Surveys belong to the customer (issue 14, rows 4 and 10): the survey answer is a message the platform sends itself,
// so nobody can send it through POST /api/messages; and of two concurrent answers the loser hears "already answered".
import { bpmn } from '../support/bpmn';
import { HOUR } from '../support/scenario';
import { relay, resolveRemotely, surveyScenario, surveysOf, tokensReceived } from '../support/surveys';

describe('survey integrity', () => {
  let ctx: Awaited<ReturnType<typeof surveyScenario>>;
  beforeAll(async () => { ctx = await surveyScenario(); });
  afterAll(() => ctx.close());

  async function sentSurvey(businessKey: string): Promise<{ survey: any; token: string }> {
    const { s, gateway } = ctx;
    const requestId = await resolveRemotely(s, businessKey);
    await relay(s);
    await s.advance(24 * HOUR);
    const [survey] = await surveysOf(s, requestId);
    expect(survey.status).toBe('sent');
    return { survey, token: (await tokensReceived(s, gateway)).at(-1)! };
  }

  it('refuses the survey answer through the public messages endpoint, and the customer still answers', async () => {
    const { s } = ctx;
    // given a survey waiting for its answer
    const { survey, token } = await sentSurvey('SR-INTERNAL-1');
    const technician = await s.t.as('tech.zhao', ['technician']);
    const key = await s.t.apiKey(['messages']);
    const businessKey = ((await s.instance(survey.processInstanceId)) as unknown as { businessKey: string }).businessKey;
    expect(businessKey).toEqual(expect.any(String));
    // when a technician or an integrator sends the answer as a message
    const byTechnician = await technician.post('/api/messages').send({ messageName: 'surveyAnswered', businessKey, variables: { overall: 5, nps: 10, lowScore: false } }).expect(403);
    await s.t.anon.post('/api/messages').set('X-API-Key', key).send({ messageName: 'surveyAnswered', processInstanceId: survey.processInstanceId, variables: { overall: 5 } }).expect(403);
    // then it is refused with a clear reason, and nothing moved
    expect(byTechnician.body.message).toMatch(/surveyAnswered.*internal/);
    await technician.post('/api/messages').send({ messageName: 'surveyAnswered', businessKey: 'nothing-waits' }).expect(403);
    expect((await s.instance(survey.processInstanceId)).activeActivityIds).toContain('Task_AwaitAnswer');
    expect((await surveysOf(s, survey.source.processInstanceId))[0].status).toBe('sent');
    // and the customer's own answer counts
    await s.t.anon.post(`/api/public/surveys/${token}`).send({ overall: 2, nps: 3 }).expect(200);
    expect((await surveysOf(s, survey.source.processInstanceId))[0]).toMatchObject({ status: 'answered', lowScore: true });
  });

  it('lets a diagram mark its own messages internal, and sends the others', async () => {
    const { s } = ctx;
    // given two waits, one for a message the diagram marks internal
    const body = (id: string, msg: string) => `<bpmn:startEvent id="Start" /><bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Catch" />
      <bpmn:intermediateCatchEvent id="Catch"><bpmn:messageEventDefinition messageRef="${msg}" /></bpmn:intermediateCatchEvent>
      <bpmn:sequenceFlow id="F2" sourceRef="Catch" targetRef="End" /><bpmn:endEvent id="End" />`;
    const messages = `<bpmn:message id="Msg_Internal" name="backOfficeDone"><bpmn:extensionElements><camunda:properties><camunda:property name="public" value="false" /></camunda:properties></bpmn:extensionElements></bpmn:message>
      <bpmn:message id="Msg_Public" name="customerCalled"><bpmn:extensionElements><camunda:properties><camunda:property name="public" value="true" /></camunda:properties></bpmn:extensionElements></bpmn:message>`;
    await s.t.http.post('/api/definitions').send({ xml: bpmn(body('a', 'Msg_Internal'), { id: 'waits-internal', messages }) }).expect(201);
    await s.t.http.post('/api/definitions').send({ xml: bpmn(body('b', 'Msg_Public'), { id: 'waits-public', messages }) }).expect(201);
    await s.t.http.post('/api/process-instances').send({ definitionKey: 'waits-internal', businessKey: 'MSG-1' }).expect(201);
    await s.t.http.post('/api/process-instances').send({ definitionKey: 'waits-public', businessKey: 'MSG-1' }).expect(201);
    // then
    const refused = await s.t.http.post('/api/messages').send({ messageName: 'backOfficeDone', businessKey: 'MSG-1' }).expect(403);
    expect(refused.body.message).toMatch(/backOfficeDone.*internal/);
    await s.t.http.post('/api/messages').send({ messageName: 'customerCalled', businessKey: 'MSG-1' }).expect(200);
  });

  it('answers the loser of two concurrent answers 409 "already answered", not 410', async () => {
    const { s } = ctx;
    // given
    const { token } = await sentSurvey('SR-RACE-1');
    // when
    const answers = await Promise.all(Array.from({ length: 6 }, () => s.t.anon.post(`/api/public/surveys/${token}`).send({ overall: 5, nps: 9 })));
    // then
    expect(answers.filter((r) => r.status === 200)).toHaveLength(1);
    const losers = answers.filter((r) => r.status !== 200);
    expect(losers.map((r) => r.status)).toEqual(Array(5).fill(409));
    for (const r of losers) expect(r.body.message).toMatch(/already been answered/);
  });
});
