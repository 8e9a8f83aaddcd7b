// Which boundary catches a child's error or escalation, and whether an escalation is caught inside its own process.
import type { DefinitionModel, ElementInfo } from './definition-model';
import { catchingBoundary, escalationCaughtInside } from './event-codes';

const el = (id: string, type: string, extra: Partial<ElementInfo> = {}): ElementInfo => ({ id, type, name: id, ...extra });
const model = (...elements: ElementInfo[]): DefinitionModel => ({ processId: 'p', processName: 'p', startForm: [], startTimers: [], elements: Object.fromEntries(elements.map((e) => [e.id, e])) });
const esc = (code: string | null) => ({ kind: 'escalation' as const, code, refId: code && `Esc_${code}`, name: code });
const err = (code: string | null) => ({ kind: 'error' as const, code, refId: null, name: null });

describe('catchingBoundary', () => {
  const m = model(
    el('Call', 'bpmn:CallActivity'),
    el('All', 'bpmn:BoundaryEvent', { attachedTo: 'Call', event: err(null) }),
    el('Broken', 'bpmn:BoundaryEvent', { attachedTo: 'Call', event: err('BROKEN') }),
    el('Late', 'bpmn:BoundaryEvent', { attachedTo: 'Call', event: esc('LATE') }),
  );
  it('prefers the boundary naming the code, else a catch-all, and keeps errors and escalations apart', () => {
    expect(catchingBoundary(m, 'Call', 'error', 'BROKEN')?.id).toBe('Broken');
    expect(catchingBoundary(m, 'Call', 'error', 'OTHER')?.id).toBe('All');
    expect(catchingBoundary(m, 'Call', 'escalation', 'LATE')?.id).toBe('Late');
    expect(catchingBoundary(m, 'Call', 'escalation', 'OTHER')).toBeUndefined();
  });
});

describe('escalationCaughtInside', () => {
  it('finds a boundary on an enclosing subprocess and an escalation event subprocess of an enclosing scope', () => {
    const m = model(
      el('Outer', 'bpmn:SubProcess'),
      el('Inner', 'bpmn:SubProcess', { parentId: 'Outer' }),
      el('Throw', 'bpmn:IntermediateThrowEvent', { parentId: 'Inner', event: esc('LATE') }),
      el('OnOuter', 'bpmn:BoundaryEvent', { attachedTo: 'Outer', event: esc('LATE') }),
      el('TopThrow', 'bpmn:EndEvent', { event: esc('OTHER') }),
      el('Handler', 'bpmn:SubProcess', { triggeredByEvent: true }),
      el('HandlerStart', 'bpmn:StartEvent', { parentId: 'Handler', event: esc('OTHER') }),
    );
    expect(escalationCaughtInside(m, 'Throw', 'LATE')).toBe(true);
    expect(escalationCaughtInside(m, 'TopThrow', 'OTHER')).toBe(true);
    expect(escalationCaughtInside(m, 'TopThrow', 'NEW')).toBe(false);
    expect(escalationCaughtInside(m, 'Throw', 'NEW')).toBe(false);
  });
});
