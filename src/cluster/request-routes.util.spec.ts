import { routeTarget } from './request-routes.util';

const ID = '019ae3c1-5b2e-7c4d-8e9f-0123456789ab';

describe('routeTarget', () => {
  it('names the row behind an instance command', () => {
    expect(routeTarget('POST', `/api/tasks/${ID}/complete`)).toEqual({ kind: 'task', id: ID });
    expect(routeTarget('PUT', `/api/tasks/${ID}/follow-up?x=1`)).toEqual({ kind: 'task', id: ID });
    expect(routeTarget('POST', `/api/external-tasks/${ID.toUpperCase()}/complete`)).toEqual({ kind: 'externalTask', id: ID });
    expect(routeTarget('POST', `/api/incidents/${ID}/retry`)).toEqual({ kind: 'incident', id: ID });
    expect(routeTarget('POST', `/api/dispatch/process-instances/${ID}/override`)).toEqual({ kind: 'instance', id: ID });
  });

  it('leaves every other request where it arrived', () => {
    expect(routeTarget('GET', `/api/tasks/${ID}/complete`)).toBeNull();
    expect(routeTarget('POST', '/api/tasks/not-a-uuid/complete')).toBeNull();
    expect(routeTarget('POST', '/api/process-instances')).toBeNull();
    expect(routeTarget('POST', `/api/tasks/${ID}/complete/extra`)).toBeNull();
  });
});
