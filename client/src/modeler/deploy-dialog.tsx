// The deploy summary: which version the deploy makes, what changed against the latest one, problems; confirm deploys.
import { useI18n } from '../i18n/i18n';
import type { DefinitionPreview, ElementChange } from '../app/types';

export type DeployState =
  | { state: 'closed' }
  | { state: 'checking' }
  | { state: 'preview'; preview: DefinitionPreview; xml: string; deploying?: boolean; error?: string }
  | { state: 'failed'; message: string };

export function DeployDialog({ deploy, onConfirm, onClose }: { deploy: DeployState; onConfirm: () => void; onClose: () => void }) {
  const { t } = useI18n();
  if (deploy.state === 'closed') return null;
  const preview = deploy.state === 'preview' ? deploy.preview : null;
  const errors = preview?.problems.filter((p) => p.severity === 'error') ?? [];
  return (
    <div class="modal-backdrop">
      <div class="modal panel" role="dialog" aria-modal="true" aria-labelledby="deploy-title" data-testid="deploy-dialog">
        <h2 id="deploy-title">{t('modeler.deployTitle')}</h2>
        {deploy.state === 'checking' && <p class="muted">{t('modeler.checking')}</p>}
        {deploy.state === 'failed' && <p class="error">{deploy.message}</p>}
        {preview && (
          <>
            <p data-testid="deploy-versions">
              {preview.identical
                ? t('modeler.identical', { key: preview.key ?? '?', version: preview.currentVersion ?? '?' })
                : preview.currentVersion
                  ? t('modeler.nextVersion', { key: preview.key ?? '?', current: preview.currentVersion, next: preview.nextVersion ?? '?' })
                  : t('modeler.firstVersion', { key: preview.key ?? '?' })}
            </p>
            {errors.length > 0 && (
              <div class="error" data-testid="deploy-problems">
                <p>{t('modeler.cannotDeploy', { count: errors.length })}</p>
                <ul>
                  {errors.map((p, i) => (
                    <li key={i}>
                      <strong>{p.elementId || t('modeler.wholeDiagram')}</strong>: {p.message}
                    </li>
                  ))}
                </ul>
              </div>
            )}
            {!preview.identical && preview.currentVersion !== null && (
              <div class="change-summary" data-testid="change-summary">
                <ChangeList title={t('modeler.added')} kind="added" items={preview.changes.added} />
                <ChangeList title={t('modeler.removed')} kind="removed" items={preview.changes.removed} />
                <ChangeList title={t('modeler.changed')} kind="changed" items={preview.changes.changed} />
              </div>
            )}
            {preview.currentVersion === null && <p class="muted">{t('modeler.newElements', { count: preview.changes.added.length })}</p>}
            {deploy.state === 'preview' && deploy.error && <p class="error" role="alert">{deploy.error}</p>}
          </>
        )}
        <div class="modal-actions">
          <button type="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="button" class="button primary" disabled={!preview || preview.identical || errors.length > 0 || deploy.state !== 'preview' || deploy.deploying} onClick={onConfirm}>
            {preview?.nextVersion ? t('modeler.confirmDeploy', { version: preview.nextVersion }) : t('modeler.deploy')}
          </button>
        </div>
      </div>
    </div>
  );
}

function ChangeList({ title, kind, items }: { title: string; kind: string; items: ElementChange[] }) {
  const { t } = useI18n();
  return (
    <section data-testid={`changes-${kind}`}>
      <h3>
        {title} <span class="badge">{items.length}</span>
      </h3>
      {items.length === 0 ? (
        <p class="muted">{t('common.none')}</p>
      ) : (
        <ul>
          {items.map((e) => (
            <li key={e.id} data-element-id={e.id}>
              <strong>{e.name || e.id}</strong> <code class="muted">{e.id}</code> <span class="muted">{e.type.replace('bpmn:', '')}</span>
              {e.fields && <span>: {e.fields.map((f) => t(`modeler.field.${f}`)).join(', ')}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
