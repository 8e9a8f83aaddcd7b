// What a simulated person enters in a task: the learned shares for the fields gateways decide on, valid values elsewhere.
import type { Random } from '../../demo/demo-random.util';
import type { FormField } from '../../engine/definition-model';
import type { SimModel } from './simulation-run.types';

const DAY = 86_400_000;

export function decideTask(args: { r: Random; model: SimModel; activityId: string; form: FormField[]; now: number }): Record<string, unknown> {
  const { r, form, now } = args;
  const learned = args.model.decisions?.[args.activityId] ?? {};
  const values: Record<string, unknown> = {};
  for (const f of form.filter((f) => !f.readonly)) {
    const shares = learned[f.id];
    if (shares && Object.keys(shares).length && (f.type === 'boolean' || f.type === 'enum')) {
      const v = r.weighted(shares);
      values[f.id] = f.type === 'boolean' ? v === 'true' : v;
    } else if (f.required) values[f.id] = fill(f, now);
  }
  return values;
}

/** A valid value of a required field nothing decides on. */
function fill(f: FormField, now: number): unknown {
  if (f.type === 'string') return f.pattern ? undefined : 'simulated';
  if (f.type === 'long' || f.type === 'decimal') return f.min ?? 1;
  if (f.type === 'boolean') return true;
  if (f.type === 'enum') return f.options?.[0]?.id;
  if (f.type === 'duration') return 'PT1H';
  if (f.type === 'date') return new Date(now + DAY).toISOString();
  return undefined;
}

/** Start variables: the channel and priority drawn with the arrival, and a valid value for each required start field. */
export function startVariables(args: { form: FormField[]; channel: string | null; priority: string | null; now: number }): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const f of args.form.filter((f) => f.required && !f.readonly)) values[f.id] = fill(f, args.now);
  if (args.channel) values.channel = args.channel;
  if (args.priority === 'urgent' || args.priority === 'normal') values.urgent = args.priority === 'urgent';
  else if (args.priority) values.priority = args.priority;
  for (const [k, v] of Object.entries(values)) if (v === undefined) delete values[k];
  return values;
}
