// Where a diagram holds expressions, and the deploy-time rewrite of the ${…}/#{…} ones (JUEL subset) into FEEL.
import { isJuel, translateJuel, type JuelTranslation } from './juel';

type Node = { $type: string; $parent?: Node; [key: string]: any };

export interface JuelSite {
  text: string;
  /** Used as a boolean: a flow condition, a conditional event's condition, a completion condition. */
  condition: boolean;
  translation: JuelTranslation;
}

/** A FormalExpression whose language is FEEL (DMN/BPMN tools write the FEEL URI and no leading "="). */
export function isFeelLanguage(language: unknown): boolean {
  return typeof language === 'string' && /(^|[/#:])feel\/?$/i.test(language.trim());
}

/** The JUEL text held by this node (an expression body or a camunda:in/outputParameter value), translated; else null. */
export function juelSiteOf(node: Node): JuelSite | null {
  const key = keyOf(node);
  const text = key ? node[key] : undefined;
  if (!isJuel(text)) return null;
  const condition = isCondition(node);
  return { text: text.trim(), condition, translation: translateJuel(text, { condition }) };
}

// User-task assignments that Camunda and Flowable diagrams often compute: assignee="${approver}".
const ASSIGNMENTS = ['camunda:assignee', 'camunda:candidateUsers', 'camunda:candidateGroups'];

/** The ${…} assignments of a user task, each translated (evaluated when the task is created). */
export function juelAssignmentsOf(node: Node): (JuelSite & { attribute: string })[] {
  if (node.$type !== 'bpmn:UserTask' || typeof node.get !== 'function') return [];
  return ASSIGNMENTS.filter((a) => isJuel(node.get(a))).map((attribute) => {
    const text = String(node.get(attribute)).trim();
    return { attribute, text, condition: false, translation: translateJuel(text, { condition: false }) };
  });
}

function keyOf(node: Node): 'body' | 'value' | null {
  if (node.$type === 'bpmn:FormalExpression' || node.$type === 'bpmn:Expression') return 'body';
  if (node.$type === 'camunda:InputParameter' || node.$type === 'camunda:OutputParameter') return 'value';
  return null;
}

function isCondition(node: Node): boolean {
  const parent = node.$parent;
  if (!parent) return false;
  return parent.conditionExpression === node || parent.completionCondition === node || (parent.$type === 'bpmn:ConditionalEventDefinition' && parent.condition === node);
}

// Properties that point at other elements (or back up the tree): following them would loop.
const SKIP = new Set(['$parent', '$model', '$descriptor', '$attrs', 'sourceRef', 'targetRef', 'incoming', 'outgoing', 'default', 'attachedToRef', 'messageRef', 'processRef', 'bpmnElement', 'calledElement']);

/**
 * Rewrites every translatable ${…} in place to its FEEL, before the model is read and the engine context serialized.
 * The deploy check has already refused the untranslatable ones and warned about each translation.
 */
export function translateDiagramExpressions(moddleContext: { rootElement?: Node }): void {
  const seen = new Set<object>();
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object' || seen.has(node)) return;
    seen.add(node);
    if (Array.isArray(node)) return node.forEach(visit);
    const element = node as Node;
    const site = element.$type ? juelSiteOf(element) : null;
    if (site?.translation.ok) element[keyOf(element)!] = site.translation.feel;
    for (const a of juelAssignmentsOf(element)) if (a.translation.ok) element.set(a.attribute, a.translation.feel);
    // language="…FEEL": the body is FEEL already; our dialect marks it with "=" and has no language attribute.
    if (element.$type === 'bpmn:FormalExpression' && isFeelLanguage(element.language)) {
      element.body = `=${String(element.body ?? '').trim().replace(/^=/, '')}`;
      element.language = undefined;
    }
    for (const [key, value] of Object.entries(element)) if (!SKIP.has(key)) visit(value);
  };
  visit(moddleContext.rootElement);
}
