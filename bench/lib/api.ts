// The HTTP calls the bench makes, signed in as the admin (fetch keeps connections alive).
import { adminHeaders } from '../../test/support/server-auth';
import { SERVICE_REQUEST_START } from '../../test/support/service-request';

/** What the first task, Task_RecordRequest, requires to complete. */
export const RECORD_REQUEST_FORM = { requirementUnderstood: true };

export class Api {
  private constructor(readonly baseUrl: string, private readonly headers: Record<string, string>) {}

  static async signIn(baseUrl: string): Promise<Api> {
    return new Api(baseUrl, { 'content-type': 'application/json', ...(await adminHeaders(baseUrl)) });
  }

  async post<T>(path: string, body: unknown, expected: number | number[]): Promise<T> {
    const res = await fetch(`${this.baseUrl}${path}`, { method: 'POST', headers: this.headers, body: JSON.stringify(body) });
    const text = await res.text();
    if (![expected].flat().includes(res.status)) throw new Error(`POST ${path}: ${res.status} ${text.slice(0, 300)}`);
    return JSON.parse(text) as T;
  }

  /** Starts service-request up to its first wait (Task_RecordRequest); resolves to the instance id. */
  async startServiceRequest(businessKey: string): Promise<string> {
    return (await this.post<{ id: string }>('/api/process-instances', { definitionKey: 'service-request', businessKey, variables: SERVICE_REQUEST_START }, 201)).id;
  }

  async completeTask(taskId: string, variables: Record<string, unknown>): Promise<void> {
    await this.post(`/api/tasks/${taskId}/complete`, { variables }, 200);
  }

  async deploy(xml: string): Promise<void> {
    await this.post('/api/definitions', { xml }, [200, 201]);
  }
}
