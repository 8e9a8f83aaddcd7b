// Migration plans as pure functions: generate one from two versions, and judge one instance against it (Camunda's rules).
import type { DefinitionModel, ElementInfo } from '../engine/definition-model';

export interface MigrationInstruction {
  sourceActivityIds: string[];
  targetActivityIds: string[];
}

export interface MigrationPlan {
  sourceProcessDefinitionId: string;
  targetProcessDefinitionId: string;
  instructions: MigrationInstruction[];
}

/** Elements a token can wait in (flows, the process, lanes and data do not hold tokens). */
const isFlowNode = (e: ElementInfo) => !/SequenceFlow|MessageFlow|Association|Lane|DataObject|DataStore|TextAnnotation|Process$/.test(e.type);

/** Same ids map themselves when the element keeps its type; every other element is left for a hand-made instruction. */
export function generateInstructions({ source, target }: { source: DefinitionModel; target: DefinitionModel }): MigrationInstruction[] {
  return Object.values(source.elements)
    .filter((e) => isFlowNode(e) && target.elements[e.id]?.type === e.type)
    .map((e) => ({ sourceActivityIds: [e.id], targetActivityIds: [e.id] }));
}

/** The plan as a map source id → target id; a malformed instruction (not exactly one each, or a source twice) is a problem. */
export function mappingOf(instructions: MigrationInstruction[]): { mapping: Record<string, string>; problems: string[] } {
  const mapping: Record<string, string> = {};
  const problems: string[] = [];
  for (const { sourceActivityIds: from, targetActivityIds: to } of instructions) {
    if (from.length !== 1 || to.length !== 1) problems.push(`instruction ${from.join(',')} → ${to.join(',')} must name exactly one source and one target activity`);
    else if (mapping[from[0]] && mapping[from[0]] !== to[0]) problems.push(`activity ${from[0]} is mapped twice (to ${mapping[from[0]]} and ${to[0]})`);
    else mapping[from[0]] = to[0];
  }
  return { mapping, problems };
}

/** The plan's own mistakes: ids that are not elements of their version, or a mapping that changes the element's type. */
export function planProblems({ mapping, source, target }: { mapping: Record<string, string>; source: DefinitionModel; target: DefinitionModel }): string[] {
  const problems: string[] = [];
  for (const [from, to] of Object.entries(mapping)) {
    const s = source.elements[from];
    const t = target.elements[to];
    if (!s) problems.push(`source activity ${from} does not exist in the source version`);
    else if (!t) problems.push(`target activity ${to} (for ${from}) does not exist in the target version`);
    else if (s.type !== t.type) problems.push(`${from} (${short(s.type)}) cannot become ${to} (${short(t.type)}): the element type must stay the same`);
  }
  return problems;
}

/** Why this instance cannot move under the plan: every active activity needs an instruction (the plan is checked before). */
export function instanceProblems({ activeActivityIds, mapping, status }: { activeActivityIds: string[]; mapping: Record<string, string>; status: string }): string[] {
  if (status !== 'active') return [`the instance is ${status}`];
  return activeActivityIds.filter((id) => !mapping[id]).map((id) => `active activity ${id} has no migration instruction (map it to an activity of the target version)`);
}

const short = (type: string) => type.replace(/^bpmn:/, '');
