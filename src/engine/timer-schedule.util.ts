// When a timer start event fires next: ISO 8601 dates, durations and cycles (R[n]/[start]/duration), or cron
// expressions (5 or 6 fields, evaluated in the configured time zone).
import { getDate, ISOInterval } from '@0dep/piso';
import { CronExpressionParser } from 'cron-parser';

const MAX_STEPS = 100_000;

export function isCron(value: string): boolean {
  return !/^[RP]/.test(value) && !/^\d{4}-/.test(value) && value.trim().split(/\s+/).length >= 5;
}

/** Explains why a cron expression is invalid, or null. */
export function cronProblem(value: string): string | null {
  try {
    CronExpressionParser.parse(value, { strict: false });
    return null;
  } catch (err) {
    return `not a valid cron expression (${(err as Error).message})`;
  }
}

/**
 * The first occurrence strictly after `after`, or null when there is none left. `firedCount` is how often the
 * timer already fired (for R<n> cycles without a start date); `deployedAt` anchors durations and start-less cycles.
 */
export function nextOccurrence(args: { timerType: string; value: string; after: Date; firedCount: number; deployedAt: Date; timeZone: string }): Date | null {
  const { timerType, value, after, firedCount, deployedAt } = args;
  if (timerType === 'timeDate') return firedCount === 0 ? getDate(value) : null;
  if (timerType === 'timeDuration') return firedCount === 0 ? addDuration(deployedAt, value) : null;
  if (isCron(value)) return CronExpressionParser.parse(value, { currentDate: after, tz: args.timeZone }).next().toDate();
  const parsed = new ISOInterval(value).parse();
  const repeat: number = parsed.repeat ?? 1; // -1 = unbounded
  const parts = value.split('/');
  const durationPart = parts.find((p) => p.startsWith('P'));
  const startPart = parts.find((p, i) => i > 0 && !p.startsWith('P'));
  if (!durationPart) return null;
  if (!startPart) {
    if (repeat !== -1 && firedCount >= repeat) return null;
    return addDuration(firedCount === 0 ? deployedAt : after, durationPart);
  }
  // Anchored cycle: start, start + d, start + 2d … (the start itself is the first occurrence).
  let occurrence: Date = getDate(startPart);
  for (let k = 0; k < MAX_STEPS; k++) {
    if (repeat !== -1 && k > repeat) return null;
    if (occurrence > after) return occurrence;
    occurrence = addDuration(occurrence, durationPart);
  }
  return null;
}

function addDuration(from: Date, duration: string): Date {
  return new ISOInterval(duration).parse().getExpireAt(from, from);
}
