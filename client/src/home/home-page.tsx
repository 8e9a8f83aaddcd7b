// Landing screen: the deployed process definitions, with links to edit each in the modeler and to see its instances.
import { api } from '../app/api';
import { Empty, ErrorMessage, Loading } from '../app/status';
import type { DefinitionSummary } from '../app/types';
import { useResource } from '../app/use-resource';
import { formatDateTime } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import { localName } from '../forms/local-text';

export function HomePage() {
  const { t, locale } = useI18n();
  const definitions = useResource(() => api<DefinitionSummary[]>('/api/definitions'), []);
  return (
    <section class="page">
      <div class="page-head">
        <div>
          <h1>{t('home.title')}</h1>
          <p class="muted">{t('app.tagline')}</p>
        </div>
        <a class="button primary" href="/modeler/new">
          {t('home.newDiagram')}
        </a>
      </div>
      {definitions.error && <ErrorMessage error={definitions.error} onRetry={definitions.reload} />}
      {!definitions.data && !definitions.error && <Loading />}
      {definitions.data?.length === 0 && <Empty>{t('home.empty')}</Empty>}
      {definitions.data && definitions.data.length > 0 && (
        <table class="table" data-testid="definitions">
          <thead>
            <tr>
              <th>{t('home.name')}</th>
              <th>{t('home.key')}</th>
              <th>{t('common.version')}</th>
              <th>{t('home.deployed')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {definitions.data.map((d) => (
              <tr key={d.id}>
                <td>{localName(d.name, d.names, locale) || d.key}</td>
                <td>
                  <code>{d.key}</code>
                </td>
                <td>{d.version}</td>
                <td>{formatDateTime(d.deployedAt)}</td>
                <td class="actions">
                  <a href={`/modeler/${encodeURIComponent(d.key)}`}>{t('home.openModeler')}</a>
                  <a href={`/instances?definitionKey=${encodeURIComponent(d.key)}`}>{t('home.instances')}</a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
