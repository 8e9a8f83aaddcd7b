// The import conversion on small diagrams: topic names, listeners, Flowable attributes, field injection, Quartz timers.
import { topicFor } from './code-references';
import { convertDiagram } from './diagram-converter';

const diagram = (body: string, ns = 'xmlns:camunda="http://camunda.org/schema/1.0/bpmn"') => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" ${ns} id="Defs" targetNamespace="http://example.com">
  <bpmn:process id="p" isExecutable="true">${body}</bpmn:process>
</bpmn:definitions>`;

describe('import conversion', () => {
  it.each([
    ['camunda:class', 'com.acme.orders.ReserveStockDelegate', 'reserveStock'],
    ['camunda:class', 'com.acme.SendMailJavaDelegate', 'sendMail'],
    ['camunda:class', 'com.acme.Delegate', 'delegate'],
    ['camunda:delegateExpression', '${chargeCardDelegate}', 'chargeCard'],
    ['camunda:delegateExpression', '#{archiveService}', 'archiveService'],
    ['camunda:expression', '${mailer.send(execution, "x")}', 'mailer.send'],
    ['camunda:expression', 'io.camunda:sendgrid:1', 'io.camunda:sendgrid:1'],
  ])('names the topic of %s %s: %s', (attribute, value, topic) => {
    expect(topicFor(attribute, value)).toBe(topic);
  });

  it('leaves a diagram without code byte for byte', async () => {
    const xml = diagram('<bpmn:startEvent id="S" /><bpmn:userTask id="T" camunda:candidateGroups="agent" />');
    expect(await convertDiagram(xml)).toEqual({ xml, conversions: [] });
  });

  it('turns field injections into input parameters of the external task', async () => {
    const xml = diagram(`<bpmn:serviceTask id="Mail" camunda:class="com.acme.MailDelegate"><bpmn:extensionElements>
      <camunda:field name="template" stringValue="welcome" /></bpmn:extensionElements></bpmn:serviceTask>`);
    const result = await convertDiagram(xml);
    expect(result!.conversions.map((c) => `${c.kind}:${c.from}->${c.to}`)).toEqual(['service-task:camunda:class="com.acme.MailDelegate"->camunda:type="external" camunda:topic="mail"', 'field:camunda:field template->camunda:inputParameter template']);
    expect(result!.xml).toMatch(/<camunda:inputParameter name="template">welcome<\/camunda:inputParameter>/);
  });

  it('rewrites Flowable assignments and Activiti async, removes their listeners, converts Quartz on a boundary timer', async () => {
    const xml = diagram(
      `<bpmn:userTask id="T" flowable:candidateGroups="finance" flowable:assignee="kermit" flowable:async="true"><bpmn:extensionElements>
        <flowable:taskListener event="complete" delegateExpression="\${audit}" /></bpmn:extensionElements></bpmn:userTask>
       <bpmn:boundaryEvent id="Every5" attachedToRef="T" cancelActivity="false"><bpmn:timerEventDefinition><bpmn:timeCycle>0 0/5 * * * ?</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:boundaryEvent>`,
      'xmlns:flowable="http://flowable.org/bpmn"',
    );
    const result = await convertDiagram(xml);
    expect(result!.conversions.map((c) => `${c.elementId} ${c.action} ${c.from} -> ${c.to}`)).toEqual([
      'T converted flowable:candidateGroups="finance" -> camunda:candidateGroups="finance"',
      'T converted flowable:assignee="kermit" -> camunda:assignee="kermit"',
      'T converted flowable:async="true" -> camunda:asyncBefore="true"',
      'T removed taskListener on complete: ${audit} -> null',
      'Every5 converted 0 0/5 * * * ? -> R/PT5M',
    ]);
    expect(result!.xml).toContain('camunda:candidateGroups="finance"');
    expect(result!.xml).not.toContain('taskListener');
  });

  it('keeps a Quartz expression standard cron cannot say, and says why', async () => {
    const result = await convertDiagram(diagram('<bpmn:startEvent id="S"><bpmn:timerEventDefinition><bpmn:timeCycle>0 0 12 L * ?</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:startEvent>'));
    expect(result!.conversions).toEqual([{ elementId: 'S', kind: 'timer', action: 'kept', from: '0 0 12 L * ?', to: null, note: expect.stringMatching(/L, W and #/) }]);
  });

  it('returns null for what it cannot read', async () => {
    expect(await convertDiagram('not xml')).toBeNull();
  });
});
