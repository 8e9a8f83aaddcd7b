// The 21 MIWG reference models through deploy and through import: each model's exact outcome (which elements are
// refused and why, or that it deploys and starts). The tally goes to test-artifacts/miwg-tally.json for the report.
// A code reference converted by import becomes an external-task topic, which deploys (a worker serves it); call
// activities run; event subprocesses started by a message or timer run (C.9.2 deploys through import).
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startTestApp, type TestApp } from '../support/app';

const MIWG_DIR = resolve(__dirname, '../../../shared/conformance/miwg-reference');

const NOT_EXECUTABLE = /^no executable process: set isExecutable="true" on one of /;
const NO_HANDLER = /^service task must name a handler/; // ext-tasks words it "… a handler or an external task topic"
const EMPTY_TIMER = /^timer needs exactly one of duration, date or cycle/;
const UNNAMED_MESSAGE = /^message event must reference a bpmn:message with a name/;
const NOT_FEEL = /^condition must be a FEEL expression with a leading "="/;
const XPATH = /^expression language "http:\/\/www.w3.org\/1999\/XPath" is not allowed/;
const DMN_MODEL_LANGUAGE = /^expression language "https:\/\/www.omg.org\/spec\/DMN\/20191111\/MODEL\/" is not allowed/;
const SUBPROCESS_NO_START = /^Sub process is missing start event/;
const BUSINESS_RULE_NO_TOPIC = /^business rule task must name a handler or an external task topic/; // import converts a zeebe:taskDefinition on one
const UNRESOLVED = /^unresolved reference <triso:unspecified>/;

/** Refused: every element the answer names, each with why; or deployed and started. */
type Outcome = [elementId: string, reason: RegExp][] | 'deploys and starts';

const EXPECTED: Record<string, { deploy: Outcome; import: Outcome }> = {
  'A.1.0.bpmn': { deploy: [['', NOT_EXECUTABLE]], import: [['', NOT_EXECUTABLE]] },
  'A.2.0.bpmn': { deploy: [['', NOT_EXECUTABLE]], import: [['', NOT_EXECUTABLE]] },
  'A.2.1.bpmn': { deploy: [['', NOT_EXECUTABLE]], import: [['', NOT_EXECUTABLE]] },
  'A.3.0.bpmn': { deploy: [['', NOT_EXECUTABLE]], import: [['', NOT_EXECUTABLE]] },
  'A.4.0.bpmn': { deploy: [['', NOT_EXECUTABLE]], import: [['', NOT_EXECUTABLE]] },
  'A.4.1.bpmn': { deploy: [['', NOT_EXECUTABLE]], import: [['', NOT_EXECUTABLE]] },
  'B.1.0.bpmn': { deploy: [['', NOT_EXECUTABLE]], import: [['', NOT_EXECUTABLE]] },
  'B.2.0.bpmn': { deploy: [['', NOT_EXECUTABLE]], import: [['', NOT_EXECUTABLE]] },
  'C.1.0.bpmn': { deploy: [['archiveInvoice', NO_HANDLER], ['sid-0E349B8B-14A7-4565-988A-38F3A9B624D2', EMPTY_TIMER], ['sid-36EA43D1-0FE6-4197-AC57-7A43785B784B', UNNAMED_MESSAGE], ['sid-40EC6574-E644-425C-8CE7-EE384F0C3520', UNNAMED_MESSAGE], ['sid-B548B980-12E3-408E-9AC4-7031B85A8F2D', UNNAMED_MESSAGE]], import: [['sid-0E349B8B-14A7-4565-988A-38F3A9B624D2', EMPTY_TIMER], ['sid-36EA43D1-0FE6-4197-AC57-7A43785B784B', UNNAMED_MESSAGE], ['sid-40EC6574-E644-425C-8CE7-EE384F0C3520', UNNAMED_MESSAGE], ['sid-B548B980-12E3-408E-9AC4-7031B85A8F2D', UNNAMED_MESSAGE]] },
  'C.1.1.bpmn': { deploy: [['archiveInvoice', NO_HANDLER], ['sid-0ed8a0cb-f28a-4689-bbd8-77dafd0ccfa0', NOT_FEEL], ['sid-628a2fdc-7654-4273-930d-8e3127b9e8b2', NOT_FEEL], ['sid-d4f3f0f7-79c3-4b1c-817e-13d9bdd96666', NOT_FEEL], ['sid-e669aead-8bad-4dbb-b282-e9f811e02f77', NOT_FEEL]], import: [['sid-0ed8a0cb-f28a-4689-bbd8-77dafd0ccfa0', NOT_FEEL], ['sid-628a2fdc-7654-4273-930d-8e3127b9e8b2', NOT_FEEL], ['sid-d4f3f0f7-79c3-4b1c-817e-13d9bdd96666', NOT_FEEL], ['sid-e669aead-8bad-4dbb-b282-e9f811e02f77', NOT_FEEL]] },
  'C.2.0.bpmn': { deploy: [['', NOT_EXECUTABLE]], import: [['', NOT_EXECUTABLE]] },
  'C.3.0.bpmn': { deploy: [['Bpmn_FormalExpression_8pPK4BqGEeWDuOtG0oS24A', XPATH], ['Bpmn_FormalExpression_ipW2kBqIEeWDuOtG0oS24A', NOT_FEEL], ['_cd6f230f-13c3-4027-aa3e-57de601a1ab2', SUBPROCESS_NO_START]], import: [['Bpmn_FormalExpression_8pPK4BqGEeWDuOtG0oS24A', XPATH], ['Bpmn_FormalExpression_ipW2kBqIEeWDuOtG0oS24A', NOT_FEEL], ['_cd6f230f-13c3-4027-aa3e-57de601a1ab2', SUBPROCESS_NO_START]] },
  'C.4.0.bpmn': { deploy: [['', NOT_EXECUTABLE]], import: [['', NOT_EXECUTABLE]] },
  'C.5.0.bpmn': { deploy: [['', NOT_EXECUTABLE]], import: [['', NOT_EXECUTABLE]] },
  'C.6.0.bpmn': { deploy: [['', NOT_EXECUTABLE]], import: [['', NOT_EXECUTABLE]] },
  'C.7.0.bpmn': { deploy: [['', NOT_EXECUTABLE]], import: [['', NOT_EXECUTABLE]] },
  'C.8.0.bpmn': { deploy: [['', NOT_EXECUTABLE]], import: [['', NOT_EXECUTABLE]] },
  'C.8.1.bpmn': { deploy: [['_02232e32-c3d2-473c-a15d-9c5dca00eadc', NO_HANDLER], ['_04bf649c-423c-4312-b813-cf585ce5a82f', UNRESOLVED], ['_1a818a94-ba6f-413b-a7e8-6f8fd2a11e32', BUSINESS_RULE_NO_TOPIC], ['_2b960d84-feb1-46a9-a1a1-c300dd996b99', NO_HANDLER], ['_3dcf2a50-5a30-4a47-956f-7962eb907737', DMN_MODEL_LANGUAGE], ['_40d3cb58-31bb-47a4-9591-032a38011de3', DMN_MODEL_LANGUAGE], ['_4b72053b-8ebb-4ae6-99c6-7c93cf1c1d1b', NO_HANDLER], ['_5e16a4e0-0f23-482a-be47-d3edbc5741ba', NO_HANDLER], ['_66f6f24d-1cad-4c93-b9b3-b93193015a18', DMN_MODEL_LANGUAGE], ['_83f1c680-7e06-4a9a-9206-396ed8155a71', UNRESOLVED], ['_93ec9873-edf1-4549-b052-961994ec8234', NO_HANDLER], ['_9ed61a6a-7cc1-4ed1-86d8-03482b0983c9', NO_HANDLER], ['_a0e96e19-a01f-4dde-b613-0b774e8d350b', UNRESOLVED], ['_a97c1a48-faba-447b-bfa6-7aa81a6fe0a0', NO_HANDLER]], import: [['_3dcf2a50-5a30-4a47-956f-7962eb907737', DMN_MODEL_LANGUAGE], ['_40d3cb58-31bb-47a4-9591-032a38011de3', DMN_MODEL_LANGUAGE], ['_66f6f24d-1cad-4c93-b9b3-b93193015a18', DMN_MODEL_LANGUAGE]] },
  'C.9.0.bpmn': { deploy: [['BusinessRuleTask_CheckApplicationAutomatically', BUSINESS_RULE_NO_TOPIC], ['EndMessageEvent_InformCustomer', UNNAMED_MESSAGE], ['EndMessageEvent_InformOperations', UNNAMED_MESSAGE], ['EndMessageEvent_Timeout', UNNAMED_MESSAGE], ['SendTask_ReportFraud', NO_HANDLER], ['SendTask_SendPolicy', NO_HANDLER], ['SendTask_SendRejection', NO_HANDLER], ['ServiceTask_CancelApplication', NO_HANDLER], ['ServiceTask_DeliverPolicy', NO_HANDLER], ['ServiceTask_GetCreditScore', NO_HANDLER], ['ServiceTask_RejectPolicy', NO_HANDLER]], import: [['BusinessRuleTask_CheckApplicationAutomatically', BUSINESS_RULE_NO_TOPIC], ['EndMessageEvent_InformCustomer', UNNAMED_MESSAGE], ['EndMessageEvent_InformOperations', UNNAMED_MESSAGE], ['EndMessageEvent_Timeout', UNNAMED_MESSAGE]] },
  'C.9.1.bpmn': { deploy: 'deploys and starts', import: 'deploys and starts' },
  'C.9.2.bpmn': { deploy: [['SendTask_NotifyCustomerDelay', NO_HANDLER]], import: 'deploys and starts' },
};

describe('MIWG reference models', () => {
  let t: TestApp;
  const tally: Record<string, Record<string, string>> = { deploy: {}, import: {} };
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    const dir = resolve(__dirname, '../../test-artifacts');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'miwg-tally.json'), `${JSON.stringify(tally, null, 2)}\n`);
    await t.close();
  });

  it('has an expected outcome for each of the 21 models', () => {
    expect(readdirSync(MIWG_DIR).filter((f) => f.endsWith('.bpmn')).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  const cases = Object.entries(EXPECTED).flatMap(([file, outcome]) => (['deploy', 'import'] as const).map((via) => [file, via, outcome[via]] as const));

  it.each(cases)('%s through %s', async (file, via, expected) => {
    // given
    const xml = readFileSync(join(MIWG_DIR, file), 'utf8');
    // when
    const res = await t.http.post(via === 'deploy' ? '/api/definitions' : '/api/definitions/import').send({ xml });
    // then
    if (expected === 'deploys and starts') {
      expect(res.status).toBe(201);
      await t.http.post('/api/process-instances').send({ definitionKey: res.body.key }).expect(201);
      tally[via][file] = 'deployed and started';
      return;
    }
    expect(res.status).toBe(400);
    const details: { elementId: string; message: string }[] = res.body.details;
    expect([...new Set(details.map((d) => d.elementId))].sort()).toEqual([...new Set(expected.map(([id]) => id))].sort());
    for (const [id, reason] of expected) expect(details.filter((d) => d.elementId === id).map((d) => d.message)).toEqual(expect.arrayContaining([expect.stringMatching(reason)]));
    tally[via][file] = `refused: ${[...new Set(details.map((d) => d.message.replace(/ \((ops\/)?[a-z-]+\)$/, '').replace(/"[^"]*"/g, '"…"').replace(/\(registered: [^)]*\)/, '')))].join('; ')}`;
  });

  it('still serves after all of them', async () => {
    await t.http.get('/health').expect(200);
  });
});
