// Reports each ${…}/#{…} expression that deploy translates to FEEL, with the translation (a warning: it runs as shown).
import { juelAssignmentsOf, juelSiteOf } from '../../../engine/juel-context';
import { owningId, type Node, type Reporter, type Rule } from '../rule-helpers';

export default function juelExpressions(): Rule {
  return {
    check(node: Node, reporter: Reporter) {
      const site = juelSiteOf(node);
      if (site?.translation.ok) reporter.report(owningId(node), `${site.text} is translated to FEEL: ${site.translation.feel}`);
      for (const a of juelAssignmentsOf(node)) {
        if (a.translation.ok) reporter.report(node.id, `${a.attribute} ${a.text} is translated to FEEL: ${a.translation.feel} (evaluated when the task is created)`);
      }
    },
  };
}
