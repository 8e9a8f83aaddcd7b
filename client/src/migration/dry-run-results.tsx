// The dry run's answer per instance: it would move, or what would fail and why.
import { useI18n } from '../i18n/i18n';

export interface InstanceReport {
  processInstanceId: string;
  ok: boolean;
  failures: string[];
}

export function DryRunResults({ reports, labels }: { reports: InstanceReport[]; labels: Record<string, string> }) {
  const { t } = useI18n();
  const failing = reports.filter((r) => !r.ok).length;
  return (
    <section class="panel" data-testid="dry-run">
      <h2>{t('migration.dryRunResult')}</h2>
      <p data-testid="dry-run-summary">{t('migration.dryRunSummary', { ok: reports.length - failing, failing })}</p>
      <ul class="plain">
        {reports.map((r) => (
          <li key={r.processInstanceId} data-testid="dry-run-report" data-ok={String(r.ok)} class={r.ok ? 'ok' : 'error'}>
            <code>{labels[r.processInstanceId] ?? r.processInstanceId.slice(0, 8)}</code> {r.ok ? t('migration.wouldMigrate') : `${t('migration.wouldFail')}: ${r.failures.join('; ')}`}
          </li>
        ))}
      </ul>
    </section>
  );
}
