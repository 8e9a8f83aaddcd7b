// The migration plan on screen: the generated instructions (same ids map themselves) and, for every active activity
// of the chosen instances that has none, a select of the target's activities of the same element type.
import { useI18n } from '../i18n/i18n';
import type { Activity } from './bpmn-activities';

export interface Instruction {
  sourceActivityIds: string[];
  targetActivityIds: string[];
}

interface Props {
  generated: Instruction[];
  unmapped: string[];
  manual: Record<string, string>;
  sourceActivities: Activity[];
  targetActivities: Activity[];
  onMap: (source: string, target: string) => void;
}

const label = (a: Activity | undefined, id: string) => (a?.name ? `${a.name} (${id})` : id);

export function PlanView({ generated, unmapped, manual, sourceActivities, targetActivities, onMap }: Props) {
  const { t } = useI18n();
  const source = (id: string) => sourceActivities.find((a) => a.id === id);
  return (
    <section class="panel" data-testid="migration-plan">
      <h2>{t('migration.plan')}</h2>
      {unmapped.length > 0 && (
        <div data-testid="unmapped">
          <p class="muted">{t('migration.unmappedHint')}</p>
          {unmapped.map((id) => (
            <label key={id}>
              {t('migration.mapActivity', { activity: label(source(id), id) })}
              <select name={`map-${id}`} value={manual[id] ?? ''} onChange={(e) => onMap(id, e.currentTarget.value)}>
                <option value="">{t('migration.unmapped')}</option>
                {targetActivities.filter((a) => !source(id) || a.type === source(id)?.type).map((a) => <option key={a.id} value={a.id}>{label(a, a.id)}</option>)}
              </select>
            </label>
          ))}
        </div>
      )}
      <table class="table compact">
        <thead><tr><th>{t('migration.sourceActivity')}</th><th>{t('migration.targetActivity')}</th></tr></thead>
        <tbody>
          {generated.map((i) => (
            <tr key={i.sourceActivityIds[0]}><td><code>{i.sourceActivityIds[0]}</code></td><td><code>{i.targetActivityIds[0]}</code> <span class="muted">{t('migration.auto')}</span></td></tr>
          ))}
          {Object.entries(manual).filter(([, to]) => to).map(([from, to]) => (
            <tr key={from} data-testid="manual-instruction"><td><code>{from}</code></td><td><code>{to}</code> <span class="muted">{t('migration.byHand')}</span></td></tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
