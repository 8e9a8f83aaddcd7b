// What the last import did: the diagram's source, its element count, and every import warning or the import error.
import { useI18n } from '../i18n/i18n';
import type { ImportState } from './use-modeler';

export function ImportStatus({ imported }: { imported: ImportState }) {
  const { t } = useI18n();
  if (imported.state === 'idle') return null;
  const warnings = imported.state === 'done' || imported.state === 'failed' ? imported.warnings : [];
  return (
    <div
      class={`import-status ${imported.state}`}
      data-testid="import-status"
      data-state={imported.state}
      data-label={imported.label}
      data-warnings={warnings.length}
      data-elements={imported.state === 'done' ? imported.elements : 0}
      role={imported.state === 'failed' ? 'alert' : 'status'}
    >
      {imported.state === 'importing' && t('modeler.importing', { label: imported.label })}
      {imported.state === 'done' && t('modeler.imported', { label: imported.label, elements: imported.elements, warnings: warnings.length })}
      {imported.state === 'failed' && <span class="error">{t('modeler.importFailed', { label: imported.label, message: imported.message })}</span>}
      {warnings.length > 0 && (
        <details>
          <summary>{t('modeler.importWarnings', { count: warnings.length })}</summary>
          <ul data-testid="import-warnings">
            {warnings.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
