import type { DefinitionModel, ElementInfo } from '../engine/definition-model';
import { generateInstructions, instanceProblems, mappingOf, planProblems } from './migration-plan.util';

const model = (...elements: [string, string][]): DefinitionModel =>
  ({ processId: 'p', processName: 'p', startForm: [], startTimers: [], elements: Object.fromEntries(elements.map(([id, type]) => [id, { id, type, name: id } as ElementInfo])) }) as DefinitionModel;

describe('migration plans', () => {
  const v1 = model(['Start', 'bpmn:StartEvent'], ['Task_A', 'bpmn:UserTask'], ['Task_B', 'bpmn:UserTask'], ['F1', 'bpmn:SequenceFlow'], ['Gate', 'bpmn:ExclusiveGateway']);
  const v2 = model(['Start', 'bpmn:StartEvent'], ['Task_A', 'bpmn:UserTask'], ['Task_C', 'bpmn:UserTask'], ['F1', 'bpmn:SequenceFlow'], ['Gate', 'bpmn:ParallelGateway']);

  it('maps same ids of the same type only, never flows', () => {
    expect(generateInstructions({ source: v1, target: v2 }).map((i) => i.sourceActivityIds[0])).toEqual(['Start', 'Task_A']);
  });

  it('finds a source mapped twice, a missing target and a changed type', () => {
    const { mapping, problems } = mappingOf([
      { sourceActivityIds: ['Task_B'], targetActivityIds: ['Task_C'] },
      { sourceActivityIds: ['Task_B'], targetActivityIds: ['Task_A'] },
    ]);
    expect(problems).toEqual(['activity Task_B is mapped twice (to Task_C and Task_A)']);
    expect(planProblems({ mapping: { ...mapping, Gate: 'Gate', Task_A: 'Nope' }, source: v1, target: v2 })).toEqual([
      'Gate (ExclusiveGateway) cannot become Gate (ParallelGateway): the element type must stay the same',
      'target activity Nope (for Task_A) does not exist in the target version',
    ]);
  });

  it('names every active activity without an instruction, and refuses an ended instance', () => {
    expect(instanceProblems({ activeActivityIds: ['Task_A', 'Task_B'], mapping: { Task_A: 'Task_A' }, status: 'active' })).toEqual([
      'active activity Task_B has no migration instruction (map it to an activity of the target version)',
    ]);
    expect(instanceProblems({ activeActivityIds: [], mapping: {}, status: 'completed' })).toEqual(['the instance is completed']);
  });
});
