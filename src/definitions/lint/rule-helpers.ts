// Small helpers shared by our bpmnlint rules (the "ops" plugin).
export type Node = { $type: string; id?: string; $parent?: Node; get?(name: string): any; [key: string]: any };
export interface Reporter {
  report(id: string | undefined, message: string): void;
}
export type Rule = { check(node: Node, reporter: Reporter): void };

/** The id of the node or of its closest ancestor that has one: where a problem is shown on the canvas. */
export function owningId(node: Node | undefined): string | undefined {
  for (let n = node; n; n = n.$parent) if (n.id) return n.id;
  return undefined;
}

export function attr(node: Node, name: string): any {
  return node.get ? node.get(name) : node[name];
}

export function extensionElementsOf(node: Node): Node[] {
  return node.extensionElements?.values ?? [];
}
