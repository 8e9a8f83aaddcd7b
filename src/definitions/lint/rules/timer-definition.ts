// A timer has exactly one non-empty duration, date or cycle, and a literal one parses as ISO 8601.
import { getDate, ISOInterval } from '@0dep/piso';
import { isFeel } from '../../../engine/feel';
import { isJuel } from '../../../engine/juel';
import { cronProblem, isCron } from '../../../engine/timer-schedule.util';
import type { Node, Reporter, Rule } from '../rule-helpers';

const KINDS = ['timeDuration', 'timeDate', 'timeCycle'] as const;
export type TimerKind = (typeof KINDS)[number];

export default function timerDefinition(): Rule {
  return {
    check(node: Node, reporter: Reporter) {
      if (node.$type !== 'bpmn:TimerEventDefinition') return;
      const id = node.$parent?.id;
      const present = KINDS.filter((k) => node[k]);
      if (present.length !== 1) return reporter.report(id, 'timer needs exactly one of duration, date or cycle');
      const kind = present[0];
      const onProcessStart = node.$parent?.$type === 'bpmn:StartEvent' && node.$parent?.$parent?.$type === 'bpmn:Process';
      const problem = timerValueProblem(kind, String(node[kind].body ?? '').trim(), { onProcessStart });
      if (problem) reporter.report(id, problem);
    },
  };
}

/**
 * Why a timer value is refused at deploy, or null. FEEL ('=…') passes here: feel-expressions checks it, and it is
 * evaluated when the timer is armed. The modeler's timer entry shows the same message as you type.
 */
export function timerValueProblem(kind: TimerKind, text: string, { onProcessStart }: { onProcessStart: boolean }): string | null {
  if (!text) return `timer ${kind} is empty`;
  if (isFeel(text) || isJuel(text)) return null; // checked (and translated) by feel-expressions / juel-expressions
  if (kind === 'timeCycle' && isCron(text)) {
    if (!onProcessStart) return `timer cycle "${text}": cron is supported on timer start events only; use an ISO cycle such as R/PT1H`;
    const problem = cronProblem(text);
    return problem ? `timer cycle "${text}": ${problem}` : null;
  }
  const problem = literalProblem(kind, text);
  return problem ? `timer ${kind} "${text}": ${problem}` : null;
}

function literalProblem(kind: TimerKind, text: string): string | null {
  try {
    if (kind === 'timeDate') return Number.isNaN(getDate(text).getTime()) ? 'not an ISO 8601 date' : null;
    new ISOInterval(text).parse();
    return null;
  } catch (err) {
    return `not an ISO 8601 ${kind === 'timeCycle' ? 'cycle' : 'duration'} (${(err as Error).message})`;
  }
}
