// External task tests: a diagram with an external service task and an error boundary, and a tiny worker client.
import request from 'supertest';
import { bpmn } from './bpmn';

/** start → external task `sendInvoice` (error boundary CUSTOMER_UNREACHABLE → user task callCustomer) → end. */
export function invoiceProcess(id = 'ext-invoice', topic = 'sendInvoice'): string {
  return bpmn(
    `<bpmn:startEvent id="Start" name="Start" /><bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="SendInvoice" />
    <bpmn:serviceTask id="SendInvoice" name="Send invoice" camunda:type="external" camunda:topic="${topic}" />
    <bpmn:sequenceFlow id="F2" sourceRef="SendInvoice" targetRef="Invoiced" /><bpmn:endEvent id="Invoiced" name="Invoiced" />
    <bpmn:boundaryEvent id="Unreachable" name="Unreachable" attachedToRef="SendInvoice"><bpmn:errorEventDefinition errorRef="Err_Unreachable" /></bpmn:boundaryEvent>
    <bpmn:sequenceFlow id="F3" sourceRef="Unreachable" targetRef="CallCustomer" />
    <bpmn:userTask id="CallCustomer" name="Call the customer" camunda:candidateGroups="agent" />
    <bpmn:sequenceFlow id="F4" sourceRef="CallCustomer" targetRef="Called" /><bpmn:endEvent id="Called" name="Called" />`,
    { id, messages: '<bpmn:error id="Err_Unreachable" name="Customer unreachable" errorCode="CUSTOMER_UNREACHABLE" />' },
  );
}

/** A worker speaking the external task API with an API key (scope external-tasks) against a base URL or server. */
export class Worker {
  constructor(
    private readonly target: Parameters<typeof request>[0],
    private readonly key: string,
    readonly workerId: string,
  ) {}

  post(path: string, body: object = {}) {
    return request(this.target).post(`/api/external-tasks${path}`).set('X-API-Key', this.key).send(body);
  }

  async fetch(topicName: string, opts: { lockDuration?: number; maxTasks?: number; asyncResponseTimeout?: number; variables?: string[] } = {}) {
    const res = await this.post('/fetch-and-lock', {
      workerId: this.workerId,
      maxTasks: opts.maxTasks ?? 1,
      asyncResponseTimeout: opts.asyncResponseTimeout,
      topics: [{ topicName, lockDuration: opts.lockDuration ?? 60_000, variables: opts.variables }],
    });
    if (res.status !== 200) throw new Error(`fetch-and-lock ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body as { id: string; topicName: string; workerId: string; retries: number | null; errorMessage: string | null; processInstanceId: string; activityId: string; businessKey: string | null; lockExpirationTime: string; variables: Record<string, { value: unknown; type: string }> }[];
  }

  complete(id: string, variables?: object) {
    return this.post(`/${id}/complete`, { workerId: this.workerId, variables });
  }

  failure(id: string, retries: number, retryTimeout = 0, errorMessage = 'SMTP relay refused the message') {
    return this.post(`/${id}/failure`, { workerId: this.workerId, retries, retryTimeout, errorMessage, errorDetails: 'Error: 550\n    at send (mailer.js:10)' });
  }

  bpmnError(id: string, errorCode: string, variables?: object) {
    return this.post(`/${id}/bpmn-error`, { workerId: this.workerId, errorCode, errorMessage: 'no answer on the phone', variables });
  }
}
