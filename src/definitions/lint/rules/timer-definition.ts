// A timer has exactly one non-empty duration, date or cycle, and a literal one parses as ISO 8601.
import { getDate, ISOInterval } from '@0dep/piso';
import { isFeel } from '../../../engine/feel';
import { cronProblem, isCron } from '../../../engine/timer-schedule.util';
import type { Node, Reporter, Rule } from '../rule-helpers';

const KINDS = ['timeDuration', 'timeDate', 'timeCycle'] as const;

export default function timerDefinition(): Rule {
  return {
    check(node: Node, reporter: Reporter) {
      if (node.$type !== 'bpmn:TimerEventDefinition') return;
      const id = node.$parent?.id;
      const present = KINDS.filter((k) => node[k]);
      if (present.length !== 1) return reporter.report(id, 'timer needs exactly one of duration, date or cycle');
      const kind = present[0];
      const text = String(node[kind].body ?? '').trim();
      if (!text) return reporter.report(id, `timer ${kind} is empty`);
      if (isFeel(text)) return; // checked by feel-expressions; evaluated when the timer is armed
      if (kind === 'timeCycle' && isCron(text)) {
        const onStart = node.$parent?.$type === 'bpmn:StartEvent' && node.$parent?.$parent?.$type === 'bpmn:Process';
        if (!onStart) return reporter.report(id, `timer cycle "${text}": cron is supported on timer start events only; use an ISO cycle such as R/PT1H`);
        const problem = cronProblem(text);
        return problem ? reporter.report(id, `timer cycle "${text}": ${problem}`) : undefined;
      }
      const problem = literalProblem(kind, text);
      if (problem) reporter.report(id, `timer ${kind} "${text}": ${problem}`);
    },
  };
}

function literalProblem(kind: (typeof KINDS)[number], text: string): string | null {
  try {
    if (kind === 'timeDate') return Number.isNaN(getDate(text).getTime()) ? 'not an ISO 8601 date' : null;
    new ISOInterval(text).parse();
    return null;
  } catch (err) {
    return `not an ISO 8601 ${kind === 'timeCycle' ? 'cycle' : 'duration'} (${(err as Error).message})`;
  }
}
