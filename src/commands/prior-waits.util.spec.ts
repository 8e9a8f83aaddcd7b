// mayHaveWaited / modelMayHold: which rows an instance may hold from before a command, from its last waits and its model.
import type { DefinitionModel, ElementInfo } from '../engine/definition-model';
import { mayHaveWaited, modelMayHold } from './prior-waits.util';

const el = (id: string, extra: Partial<ElementInfo> = {}): ElementInfo => ({ id, type: 'bpmn:IntermediateCatchEvent', name: id, ...extra });
const model = (...elements: ElementInfo[]): DefinitionModel => ({ processId: 'p', processName: 'p', startForm: [], startTimers: [], elements: Object.fromEntries(elements.map((e) => [e.id, e])) });
const isMessage = (e: ElementInfo) => !!e.messageName;

describe('prior waits', () => {
  const m = model(el('Task', { type: 'bpmn:UserTask' }), el('Reply', { messageName: 'reply' }), el('Sub', { type: 'bpmn:SubProcess' }), el('Inner', { messageName: 'inner', parentId: 'Sub' }), el('OnTask', { type: 'bpmn:BoundaryEvent', messageName: 'cancel', attachedTo: 'Task2' }), el('Task2', { type: 'bpmn:UserTask' }));

  it('answers false only when no active activity, boundary on one or element inside one passes the test', () => {
    // given / when / then
    expect(mayHaveWaited({ model: m, prior: { activeActivityIds: ['Task'] }, test: isMessage })).toBe(false);
    expect(mayHaveWaited({ model: m, prior: { activeActivityIds: ['Reply'] }, test: isMessage })).toBe(true);
    expect(mayHaveWaited({ model: m, prior: { activeActivityIds: ['Sub'] }, test: isMessage })).toBe(true);
    expect(mayHaveWaited({ model: m, prior: { activeActivityIds: ['Task2'] }, test: isMessage })).toBe(true);
    expect(mayHaveWaited({ model: m, prior: { activeActivityIds: [] }, test: isMessage })).toBe(false);
  });

  it('counts an event-subprocess start as always armed, and an unknown prior (another version) as may', () => {
    // given a message start of an event subprocess
    const withStart = model(el('Task', { type: 'bpmn:UserTask' }), el('Start', { type: 'bpmn:StartEvent', messageName: 'm', eventStart: { subprocessId: 'E', interrupting: true } }));
    // then
    expect(mayHaveWaited({ model: withStart, prior: { activeActivityIds: ['Task'] }, test: isMessage })).toBe(true);
    expect(mayHaveWaited({ model: m, prior: null, test: isMessage })).toBe(true);
  });

  it('modelMayHold looks at the whole model', () => {
    expect(modelMayHold({ model: m, prior: { activeActivityIds: [] }, test: (e) => !!e.slaPolicy })).toBe(false);
    expect(modelMayHold({ model: m, prior: { activeActivityIds: [] }, test: isMessage })).toBe(true);
    expect(modelMayHold({ model: m, prior: null, test: (e) => !!e.slaPolicy })).toBe(true);
  });
});
