// One card per KPI: the figure, what it was computed from (numerator of denominator), and its definition.
import { useI18n } from '../i18n/i18n';
import { KPI_KEYS, type KpiResult } from './kpi-api';
import { formatFigure } from './kpi-format';

export function KpiCards({ result }: { result: KpiResult }) {
  const { t } = useI18n();
  const alertOf = (key: string): string | null => {
    const th = result.thresholds;
    const v = result.kpis[key as keyof KpiResult['kpis']].value;
    if (!th || v === null) return null;
    if (key === 'csat' && v < th.csatMin) return t('kpi.belowTarget', { threshold: th.csatMin });
    if (key === 'backlog' && v > th.backlogMax) return t('kpi.aboveTarget', { threshold: th.backlogMax });
    return null;
  };
  return (
    <div class="kpi-cards" data-testid="kpi-cards">
      {KPI_KEYS.map((key) => {
        const f = result.kpis[key];
        const alert = alertOf(key);
        const basis = f.unit === 'percent' && f.numerator !== null ? t('kpi.ratio', { numerator: f.numerator, denominator: f.denominator }) : f.unit === 'count' && key === 'backlog' ? t('kpi.count') : t('kpi.basedOn', { denominator: f.denominator });
        return (
          <section key={key} class={`kpi-card${alert ? ' alert' : ''}`} data-testid={`kpi-${key}`} title={t(`kpi.d.${key}`)}>
            <h3>{t(`kpi.k.${key}`)}</h3>
            <div class="kpi-value">{formatFigure(f)}</div>
            <div class="muted kpi-basis">{basis}</div>
            {key === 'nps' && f.denominator > 0 && <div class="muted kpi-basis">{t('kpi.nps.breakdown', result.npsBreakdown)}</div>}
            {alert && <div class="badge danger">{alert}</div>}
            <p class="kpi-def muted">{t(`kpi.d.${key}`)}</p>
          </section>
        );
      })}
    </div>
  );
}
