// How a KPI figure and a change between versions read in the current language.
import { translate } from '../i18n/i18n';
import type { KpiFigure } from './kpi-api';

export function formatFigure(f: KpiFigure): string {
  if (f.value === null) return translate('kpi.noData');
  if (f.unit === 'percent') return translate('kpi.unit.percent', { value: f.value.toFixed(1) });
  if (f.unit === 'hours') return translate('kpi.unit.hours', { value: f.value.toFixed(1) });
  if (f.unit === 'nps') return (f.value > 0 ? '+' : '') + f.value.toFixed(0);
  return String(f.value);
}

export function formatDelta(delta: number | null, unit: KpiFigure['unit']): string {
  if (delta === null) return '—';
  const sign = delta > 0 ? '+' : delta < 0 ? '−' : '±';
  const value = Math.abs(delta).toFixed(unit === 'count' ? 0 : 1);
  if (unit === 'percent') return translate('kpi.compare.pp', { sign, value });
  if (unit === 'hours') return `${sign}${translate('kpi.unit.hours', { value })}`;
  return `${sign}${value}`;
}

/** For times and backlog lower is better; for rates, CSAT and NPS higher is better. */
export function isImprovement(key: string, delta: number | null): boolean | null {
  if (delta === null || delta === 0) return null;
  const lowerIsBetter = /Hours$|^backlog$|^escalations/.test(key);
  return lowerIsBetter ? delta < 0 : delta > 0;
}
