// Instances list: filters (definition, status, business key, business fields, a variable) and paging kept in the URL, each row opens the viewer;
// a supervisor can start an instance by hand from here, and select instances for a bulk action (cancel, migrate).
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { api, withQuery } from '../app/api';
import { useLiveEvents } from '../app/live-events';
import { Empty, ErrorMessage, LiveDot, Loading } from '../app/status';
import type { DefinitionSummary, InstanceSummary, Page } from '../app/types';
import { useResource } from '../app/use-resource';
import { formatDateTime } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import { STATUS_TONE } from './instance-types';
import { StartInstance } from './start-instance';
import { useDebounced } from './use-debounced';
import { InstanceSearchFields, searchOf, type SearchDraft } from './instance-search';
import './instances.css';
import { localName } from '../forms/local-text';
import { mayActAs, authStore } from '../app/auth-store';
import { BulkBar } from '../bulk/bulk-bar';
import { labelOf, useSelection } from '../bulk/selection';

const LIMIT = 25;
const ALL_ROLES = ['agent', 'technician', 'supervisor', 'manager'];
const STATUSES = ['active', 'completed', 'cancelled'];

export function InstancesPage() {
  const { t, locale } = useI18n();
  const { query, route } = useLocation();
  const filters = { definitionKey: query.definitionKey ?? '', status: query.status ?? '', businessKey: query.businessKey ?? '', ...searchOf(query) };
  const [search, setSearch] = useState<SearchDraft>(searchOf(query));
  const offset = Math.max(0, Number(query.offset) || 0);
  const [businessKey, setBusinessKey] = useState(filters.businessKey);
  const [starting, setStarting] = useState(false);
  const definitions = useResource(() => api<DefinitionSummary[]>('/api/definitions'), []);
  const list = useResource(() => api<Page<InstanceSummary>>('/api/process-instances', { query: { ...filters, limit: LIMIT, offset } }), [JSON.stringify(filters), offset]);

  // Instances start, move and end all the time: reload the page of rows when one of the listed definition changes.
  const refresh = useDebounced(list.reload, 300);
  const live = useLiveEvents({ roles: ALL_ROLES }, (event) => {
    if (!filters.definitionKey || event.data.definitionKey === filters.definitionKey) refresh();
  });
  const go = (next: Partial<typeof filters> & { offset?: number }) => route(withQuery('/instances', { ...filters, ...next, offset: next.offset || undefined }), true);
  const page = list.data;
  const selection = useSelection();
  const operator = ['supervisor', 'manager'].some((r) => mayActAs(authStore.get(), r));

  return (
    <section class="page wide" data-testid="instances-page">
      <div class="page-head">
        <div>
          <h1>{t('instances.title')}</h1>
          <p class="muted">
            {t('instances.subtitle')} <LiveDot status={live} />
          </p>
        </div>
        <div class="head-actions">
          {operator && <a class="button" href="/migration">{t('migration.open')}</a>}
          <button type="button" class={starting ? '' : 'primary'} onClick={() => setStarting(!starting)}>
            {starting ? t('common.close') : t('instances.start.open')}
          </button>
        </div>
      </div>
      {starting && definitions.data && (
        <StartInstance definitions={definitions.data} initialKey={filters.definitionKey} onStarted={(i) => route(`/instances/${i.id}`)} />
      )}
      <form class="filters" role="search" onSubmit={(e) => { e.preventDefault(); go({ businessKey: businessKey.trim(), ...Object.fromEntries(Object.entries(search).map(([k, v]) => [k, v.trim()])) }); }}>
        <label>
          {t('instances.filter.definition')}
          <select name="definitionKey" value={filters.definitionKey} onChange={(e) => go({ definitionKey: e.currentTarget.value })}>
            <option value="">{t('instances.filter.all')}</option>
            {definitions.data?.map((d) => <option key={d.key} value={d.key}>{localName(d.name, d.names, locale) || d.key}</option>)}
            {filters.definitionKey && !definitions.data?.some((d) => d.key === filters.definitionKey) && <option value={filters.definitionKey}>{filters.definitionKey}</option>}
          </select>
        </label>
        <label>
          {t('instances.filter.status')}
          <select name="status" value={filters.status} onChange={(e) => go({ status: e.currentTarget.value })}>
            <option value="">{t('instances.filter.all')}</option>
            {STATUSES.map((s) => <option key={s} value={s}>{t(`instances.status.${s}`)}</option>)}
          </select>
        </label>
        <label>
          {t('instances.businessKey')}
          <input name="businessKey" value={businessKey} onInput={(e) => setBusinessKey(e.currentTarget.value)} />
        </label>
        <InstanceSearchFields draft={search} onChange={setSearch} />
        <button type="submit">{t('instances.filter.apply')}</button>
      </form>
      {operator && <BulkBar selection={selection} filters={filters} total={page?.total ?? 0} onFinished={list.reload} />}
      {list.error && <ErrorMessage error={list.error} onRetry={list.reload} />}
      {!page && !list.error && <Loading />}
      {page && page.items.length === 0 && <Empty>{t('instances.empty')}</Empty>}
      {page && page.items.length > 0 && (
        <>
          <table class="table" data-testid="instances">
            <thead>
              <tr>
                {operator && <th />}
                <th>{t('instances.businessKey')}</th>
                <th>{t('instances.definition')}</th>
                <th>{t('instances.status')}</th>
                <th>{t('instances.activeAt')}</th>
                <th>{t('instances.startedAt')}</th>
                <th>{t('instances.endedAt')}</th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((i) => (
                <tr key={i.id} data-instance-id={i.id}>
                  {operator && <td><input type="checkbox" aria-label={t('bulk.select', { label: labelOf(i) })} checked={selection.has(i.id)} onChange={() => selection.toggle(i)} /></td>}
                  <td><a href={`/instances/${i.id}`}>{i.businessKey ?? i.id.slice(0, 8)}</a></td>
                  <td><code>{i.definitionKey}</code> <span class="muted">v{i.definitionVersion}</span></td>
                  <td><span class={`badge ${STATUS_TONE[i.status] ?? ''}`}>{t(`instances.status.${i.status}`)}</span></td>
                  <td>{i.activeActivityIds.length ? i.activeActivityIds.map((a) => <code key={a}>{a} </code>) : (i.endActivityId && <code class="muted">{i.endActivityId}</code>)}</td>
                  <td>{formatDateTime(i.startedAt)}</td>
                  <td>{formatDateTime(i.endedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div class="pager">
            <button type="button" disabled={offset === 0} onClick={() => go({ offset: Math.max(0, offset - LIMIT) })}>{t('instances.previous')}</button>
            <span class="muted" data-testid="page-info">{t('instances.pageInfo', { from: offset + 1, to: offset + page.items.length, total: page.total })}</span>
            <button type="button" disabled={offset + page.items.length >= page.total} onClick={() => go({ offset: offset + LIMIT })}>{t('instances.next')}</button>
          </div>
        </>
      )}
    </section>
  );
}
