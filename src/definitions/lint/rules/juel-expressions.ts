// Reports each ${…}/#{…} expression that deploy translates to FEEL, with the translation (a warning: it runs as shown).
import { juelSiteOf } from '../../../engine/juel-context';
import { owningId, type Node, type Reporter, type Rule } from '../rule-helpers';

export default function juelExpressions(): Rule {
  return {
    check(node: Node, reporter: Reporter) {
      const site = juelSiteOf(node);
      if (site?.translation.ok) reporter.report(owningId(node), `${site.text} is translated to FEEL: ${site.translation.feel}`);
    },
  };
}
