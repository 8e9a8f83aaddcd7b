// The simulated KPIs side by side: deployed version vs edited diagram, means with 95 % intervals, the difference marked.
import type { SlaPolicySummary } from '../app/types';
import { localName } from '../forms/local-text';
import { useI18n } from '../i18n/i18n';
import type { SimulationVariant } from './simulation-api';
import { formatDifference, formatInterval, formatValue, roleName } from './simulation-format';
import { kpiRows, verdict, type KpiRow } from './simulation-rows';

const VERDICT_CLASS = { better: 'delta-better', worse: 'delta-worse', unclear: 'muted', none: '' } as const;

export function SimulationKpiTable({ base, edited, policies }: { base?: SimulationVariant; edited?: SimulationVariant; policies?: SlaPolicySummary[] }) {
  const { t, locale } = useI18n();
  // A policy by its name in the UI language (sla.json `names`), its id while the policies load.
  const policyName = (id: string) => {
    const p = policies?.find((x) => x.id === id);
    return p ? localName(p.name, p.names, locale) : id;
  };
  const rows = kpiRows(base, edited);
  return (
    <table class="table simulation-kpis" data-testid="simulation-kpis">
      <caption class="muted">{t('simulation.ciNote')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('simulation.kpi')}</th>
          <th scope="col" data-variant={base?.label}>{base ? t('simulation.deployed', { version: base.version ?? base.label }) : '—'}</th>
          <th scope="col" data-variant="edited">{t('simulation.edited')}</th>
          <th scope="col">{t('simulation.difference')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const v = verdict(row);
          return (
            <tr key={row.id} data-kpi={row.id}>
              <th scope="row">{label(t, row, policyName)}</th>
              <StatCell row={row} which="base" />
              <StatCell row={row} which="edited" />
              <td class={VERDICT_CLASS[v]} data-verdict={v}>
                {formatDifference(row.base, row.edited, row.unit)}
                {(v === 'better' || v === 'worse' || v === 'unclear') && <span class="simulation-verdict"> · {t(`simulation.verdict.${v}`)}</span>}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function StatCell({ row, which }: { row: KpiRow; which: 'base' | 'edited' }) {
  const stat = row[which];
  if (!stat) return <td data-variant={which}>—</td>;
  return (
    <td data-variant={which}>
      <strong>{formatValue(stat.mean, row.unit)}</strong> <span class="muted small">({formatInterval(stat, row.unit)})</span>
    </td>
  );
}

function label(t: (key: string, params?: Record<string, string>) => string, row: KpiRow, policyName: (id: string) => string): string {
  const p = row.params;
  if (!p) return t(row.label);
  return t(row.label, { ...p, ...(p.role && { role: roleName(p.role) }), ...(p.policy && { policy: policyName(p.policy) }) });
}
