// computeKpis: resolution figures count only requests that were not cancelled (issue 17: a cancelled, never-settled
// request had counted as a first-time resolution).
import type { RequestFact } from './kpi-facts';
import { computeKpis } from './kpi.util';

const from = new Date('2026-03-02T00:00:00Z');
const to = new Date('2026-03-09T00:00:00Z');
const request = (over: Partial<RequestFact>): RequestFact => ({
  id: 'r', definitionKey: 'service-request', definitionVersion: 1, status: 'completed', startedAt: new Date('2026-03-03T08:00:00Z'), endedAt: new Date('2026-03-03T12:00:00Z'),
  priority: 'P3', urgent: false, firstResponseAt: new Date('2026-03-03T08:30:00Z'), resolutions: 1, lastResolvedAt: new Date('2026-03-03T11:00:00Z'), diagnoses: 1,
  requirementUnderstood: true, handledAt: null, ...over,
});

describe('computeKpis resolution figures', () => {
  it('leaves a request cancelled at settlement out of first-time resolution and resolution time', () => {
    // given one request settled in 3 h, and one cancelled while waiting at settlement (never settled)
    const settled = request({ id: 'settled' });
    const cancelled = request({ id: 'cancelled', status: 'cancelled', lastResolvedAt: new Date('2026-03-04T18:00:00Z'), startedAt: new Date('2026-03-04T08:00:00Z'), endedAt: new Date('2026-03-04T19:00:00Z') });
    // when
    const { kpis } = computeKpis({ requests: [settled, cancelled], surveys: [], escalations: [] }, from, to, to);
    // then
    expect(kpis.firstTimeResolutionRate).toMatchObject({ numerator: 1, denominator: 1 });
    expect(kpis.meanResolutionHours.value).toBe(3);
  });
});
