// Instance viewer: the diagram of the instance's own version with its tokens, path and timers, beside the history,
// variables, tasks, SLA clocks and incidents; refreshed live by events of this instance.
import { useMemo, useState } from 'preact/hooks';
import { useRoute } from 'preact-iso';
import { api } from '../app/api';
import { useLiveEvents } from '../app/live-events';
import { useProcessNames } from '../app/process-names';
import { ErrorMessage, LiveDot, Loading } from '../app/status';
import type { InstanceDetail, Page } from '../app/types';
import { useNow } from '../app/use-now';
import { useResource } from '../app/use-resource';
import { AwaitedMessages } from './awaited-messages';
import { formatDateTime } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import { ChildInstancesPanel, ParentLink, type ChildInstance } from './call-links';
import { CancelInstance } from './cancel-instance';
import { DiagramView } from './diagram-view';
import { HistoryTimeline } from './history-timeline';
import { RequestNotes } from '../request-notes/request-notes';
import { ExternalTasksPanel } from './external-tasks-panel';
import { NotificationsPanel } from '../customer-notifications/notifications-panel';
import { IncidentsPanel, SlaPanel, TasksTable, VariablesTable, WaitsPanel } from './instance-panels';
import { slaClocks, STATUS_TONE, type Incident } from './instance-types';
import { useDebounced } from './use-debounced';
import { diagramNames } from '../forms/local-text';
import './instances.css';

// Task events go only to their candidate roles: the viewer is a supervisor's tool and listens for every role.
const ALL_ROLES = ['agent', 'technician', 'supervisor', 'manager'];

export function InstancePage() {
  const { t, locale } = useI18n();
  const processName = useProcessNames();
  const { params } = useRoute();
  const id = params.id;
  const now = useNow(1000);
  const [selected, setSelected] = useState<string | null>(null);
  const detail = useResource(() => api<InstanceDetail>(`/api/process-instances/${encodeURIComponent(id)}`), [id]);
  const incidents = useResource(() => api<Page<Incident>>('/api/incidents', { query: { processInstanceId: id, limit: 200 } }), [id]);
  const key = detail.data?.definitionKey;
  const version = detail.data?.definitionVersion;
  const xml = useResource(() => (key ? api<string>(`/api/definitions/${encodeURIComponent(key)}/xml`, { query: { version }, text: true }) : Promise.resolve('')), [key, version]);
  const historyNames = useMemo(() => diagramNames(xml.data ?? '', locale), [xml.data, locale]);
  const refresh = useDebounced(() => {
    detail.reload();
    incidents.reload();
  }, 150);
  const live = useLiveEvents({ roles: ALL_ROLES }, (event) => {
    if (event.data.processInstanceId === id) refresh();
  });

  if (detail.error && !detail.data) return <section class="page"><ErrorMessage error={detail.error} onRetry={detail.reload} /></section>;
  if (!detail.data) return <section class="page"><Loading /></section>;
  const d = detail.data;
  const clocks = slaClocks(d);
  return (
    <section class="page wide instance-page" data-testid="instance-viewer" data-revision={d.revision}>
      <div class="page-head">
        <div>
          <p class="muted"><a href={`/instances?definitionKey=${encodeURIComponent(d.definitionKey)}`}>← {t('instances.title')}</a></p>
          <h1>{t('instance.title', { name: d.businessKey ?? d.id.slice(0, 8) })}</h1>
          <p class="muted meta">
            <span data-testid="process-name" title={d.definitionKey}>{processName(d.definitionKey)}</span> · <span data-testid="definition-version">{t('instance.version', { version: d.definitionVersion })}</span> ·{' '}
            <span class={`badge ${STATUS_TONE[d.status] ?? ''}`} data-testid="instance-status">{t(`instances.status.${d.status}`)}</span> · {t('instance.started', { at: formatDateTime(d.startedAt) })}
            {d.endedAt && <> · {t('instance.ended', { at: formatDateTime(d.endedAt) })}</>}
            {d.cancelReason && <> · {t('instance.cancelReason', { reason: d.cancelReason })}</>}
          </p>
          {typeof d.parentInstanceId === 'string' && <ParentLink parentId={d.parentInstanceId} activityId={(d.parentActivityId as string | null) ?? null} />}
        </div>
        <div class="head-actions">
          <LiveDot status={live} />
          {d.status === 'active' && <CancelInstance id={d.id} onCancelled={detail.reload} />}
        </div>
      </div>
      {detail.error && <ErrorMessage error={detail.error} onRetry={detail.reload} />}
      {xml.error && <ErrorMessage error={xml.error} onRetry={xml.reload} />}
      {xml.data ? (
        <DiagramView xml={xml.data} detail={d} incidents={incidents.data?.items ?? []} clocks={clocks} selected={selected} now={now} onSelect={setSelected} />
      ) : (
        !xml.error && <Loading />
      )}
      <div class="instance-columns">
        <HistoryTimeline history={d.history} selected={selected} onSelect={setSelected} names={historyNames} />
        <div class="instance-side">
          <TasksTable tasks={d.tasks} onSelect={setSelected} />
          <ChildInstancesPanel children={(d.childInstances as ChildInstance[] | undefined) ?? []} onSelect={setSelected} />
          <WaitsPanel timers={d.timers} messages={d.awaitedMessages} now={now} onSelect={setSelected} />
          <AwaitedMessages processInstanceId={d.id} version={d.awaitedMessages.length} onSent={detail.reload} />
          <ExternalTasksPanel detail={d} now={now} onSelect={setSelected} />
          <SlaPanel clocks={clocks} now={now} />
          <IncidentsPanel incidents={incidents.data?.items ?? []} variables={d.variables} onChanged={refresh} />
          <NotificationsPanel instanceId={id} revision={d.history.length} />
          <VariablesTable variables={d.variables} />
          <RequestNotes instanceId={d.id} />
        </div>
      </div>
    </section>
  );
}
