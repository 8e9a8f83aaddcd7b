// Opening a Camunda 7 / Flowable file: what the server's import would convert (code → external tasks, listeners
// removed, Quartz cron, Flowable attributes), shown before anything is opened or deployed; convert or open as it is.
import { useI18n } from '../i18n/i18n';

export interface Conversion {
  elementId: string;
  kind: 'service-task' | 'listener' | 'timer' | 'attribute' | 'field';
  action: 'converted' | 'removed' | 'kept';
  from: string;
  to: string | null;
  note?: string;
}

export interface PendingImport {
  label: string;
  original: string;
  converted: string;
  conversions: Conversion[];
}

export function ImportDialog({ pending, onOpen, onClose }: { pending: PendingImport | null; onOpen: (xml: string) => void; onClose: () => void }) {
  const { t } = useI18n();
  if (!pending) return null;
  return (
    <div class="modal-backdrop">
      <div class="modal panel" role="dialog" aria-modal="true" aria-labelledby="import-title" data-testid="import-dialog">
        <h2 id="import-title">{t('modelerImport.title', { label: pending.label })}</h2>
        <p>{t('modelerImport.intro', { count: pending.conversions.length })}</p>
        <table class="import-conversions" data-testid="import-conversions">
          <thead>
            <tr>
              <th>{t('modelerImport.element')}</th>
              <th>{t('modelerImport.change')}</th>
              <th>{t('modelerImport.from')}</th>
              <th>{t('modelerImport.to')}</th>
            </tr>
          </thead>
          <tbody>
            {pending.conversions.map((c, i) => (
              <tr key={i} data-element-id={c.elementId} data-action={c.action}>
                <td>
                  <code>{c.elementId || t('modeler.wholeDiagram')}</code>
                </td>
                <td>{t(`modelerImport.${c.action}`, { kind: t(`modelerImport.kind.${c.kind}`) })}</td>
                <td>
                  <code>{c.from}</code>
                </td>
                <td>
                  {c.to ? <code>{c.to}</code> : '—'}
                  {c.note && <div class="muted">{c.note}</div>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <p class="muted">{t('modelerImport.nothingDeployed')}</p>
        <div class="modal-actions">
          <button type="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="button" onClick={() => onOpen(pending.original)} data-testid="import-as-is">
            {t('modelerImport.openAsIs')}
          </button>
          <button type="button" class="button primary" onClick={() => onOpen(pending.converted)} data-testid="import-convert">
            {t('modelerImport.convert')}
          </button>
        </div>
      </div>
    </div>
  );
}
