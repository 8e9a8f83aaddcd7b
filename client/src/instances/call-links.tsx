// Call activities in the instance viewer: the child instances this instance started (with status and incidents),
// and the parent instance that called this one; each links to the other's viewer.
import { formatDateTime } from '../i18n/format';
import { useProcessNames } from '../app/process-names';
import { useI18n } from '../i18n/i18n';
import { STATUS_TONE } from './instance-types';

export interface ChildInstance {
  id: string;
  definitionKey: string;
  definitionVersion: number;
  status: string;
  activityId: string;
  startedAt: string;
  openIncidents: number;
}

export function ParentLink({ parentId, activityId }: { parentId: string; activityId: string | null }) {
  const { t } = useI18n();
  return (
    <p class="muted" data-testid="parent-instance">
      {t('instance.calledBy')} <a href={`/instances/${parentId}`}>{parentId.slice(0, 8)}</a>
      {activityId && <> · <code>{activityId}</code></>}
    </p>
  );
}

export function ChildInstancesPanel({ children, onSelect }: { children: ChildInstance[]; onSelect: (activityId: string) => void }) {
  const { t } = useI18n();
  const processName = useProcessNames();
  if (!children.length) return null;
  return (
    <section class="panel">
      <h2>{t('instance.children.title')}</h2>
      <table class="table compact" data-testid="child-instances">
          <tbody>
            {children.map((c) => (
              <tr key={c.id} data-child-status={c.status}>
                <td>
                  <a href={`/instances/${c.id}`}>{processName(c.definitionKey)}</a>{processName(c.definitionKey) !== c.definitionKey && <code class="muted"> {c.definitionKey}</code>} <span class="muted">v{c.definitionVersion}</span>{' '}
                  <button type="button" class="link" title={t('instance.showInDiagram')} onClick={() => onSelect(c.activityId)}>{t('instance.locate')}</button>
                </td>
                <td><span class={`badge ${STATUS_TONE[c.status] ?? ''}`}>{t(`instances.status.${c.status}`)}</span></td>
                <td>{c.openIncidents > 0 && <span class="badge danger">{t('instance.children.incidents', { count: c.openIncidents })}</span>}</td>
                <td class="muted">{formatDateTime(c.startedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
    </section>
  );
}
