// Candidate groups of user tasks are data: a group that does not exist yet is a warning (an admin may create it later).
import { splitList } from '../../../engine/moddle-reader';
import { attr, type Node, type Reporter, type Rule } from '../rule-helpers';

export default function candidateGroups(config?: { groups?: string[] }): Rule {
  const groups = config?.groups;
  return {
    check(node: Node, reporter: Reporter) {
      if (node.$type !== 'bpmn:UserTask' || !groups) return;
      // ${…} groups are computed when the task is created (juel-expressions reports them).
      for (const g of splitList(attr(node, 'camunda:candidateGroups')).filter((x) => !/[$#]\{/.test(x))) {
        if (!groups.includes(g)) reporter.report(node.id, `candidate group "${g}" does not exist yet: until an admin creates it (POST /api/groups) and adds members, only leads see this task`);
      }
    },
  };
}
