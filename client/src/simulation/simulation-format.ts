// How a simulated figure, its 95 % interval and a difference read in the current language.
import { translate } from '../i18n/i18n';
import type { Stat } from './simulation-api';
import type { Unit } from './simulation-rows';

export function formatValue(x: number, unit: Unit): string {
  if (unit === 'rate') return `${(x * 100).toFixed(1)} %`;
  if (unit === 'hours') return translate('simulation.unit.hours', { value: x.toFixed(1) });
  return x.toFixed(1);
}

/** Every simulated KPI is a count, rate or duration: a t-interval over few replications may reach below 0, read as 0. */
export function formatInterval(s: Stat, unit: Unit): string {
  return `${formatValue(Math.max(0, s.ci95[0]), unit)} – ${formatValue(s.ci95[1], unit)}`;
}

export function formatDifference(base: Stat | undefined, edited: Stat | undefined, unit: Unit): string {
  if (!base || !edited) return '—';
  const d = edited.mean - base.mean;
  const sign = d > 0 ? '+' : d < 0 ? '−' : '±';
  if (unit === 'rate') return translate('simulation.unit.pp', { sign, value: Math.abs(d * 100).toFixed(1) });
  return `${sign}${formatValue(Math.abs(d), unit)}`;
}

/** A role's name in the UI language when the client knows the role, else as the server named it. */
export function roleName(role: string): string {
  const name = translate(`role.${role}`);
  return name === `role.${role}` ? role : name;
}
