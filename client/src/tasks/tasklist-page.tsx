// Tasklist for a real backlog: views and saved filters with counts, server-side search, sort and pages, live; the
// selected task (/tasks/:id) beside.
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { api } from '../app/api';
import { useLiveEvents } from '../app/live-events';
import { useSession } from '../app/session';
import { Empty, ErrorMessage, LiveDot, Loading } from '../app/status';
import type { Page, Task } from '../app/types';
import { useResource } from '../app/use-resource';
import { useI18n } from '../i18n/i18n';
import { TaskPanel } from './task-panel';
import { TaskTable } from './task-table';
import { Pager, SearchAndSort, SORTS, type SortName } from './tasklist-toolbar';
import { TaskViews, viewKey, type SavedFilter, type View } from './task-views';
import './tasks.css';
import { localName } from '../forms/local-text';

const LIVE_TYPES = ['task.created', 'task.completed', 'task.cancelled', 'escalation.reassigned', 'sla.warning', 'sla.breached'];
const PAGE = 50;

export function TasklistPage({ id }: { id?: string }) {
  const { t, locale } = useI18n();
  const session = useSession();
  const { route } = useLocation();
  const [view, setViewState] = useState<View>('role');
  const [search, setSearchState] = useState('');
  const [sort, setSortState] = useState<SortName>('due');
  const [offset, setOffset] = useState(0);
  const [version, setVersion] = useState(0);
  // Kept as parameters, not text, so a language switch translates it too.
  const [flash, setFlash] = useState<{ name: string; request: string } | null>(null);
  const filters = useResource(() => api<SavedFilter[]>('/api/task-filters'), [session.name]);
  const saved = typeof view === 'string' ? undefined : filters.data?.find((f) => f.id === view.saved);
  const base: Record<string, string | boolean> = view === 'role' ? { candidateRole: session.role } : view === 'mine' ? { assignee: '@me' } : view === 'followUp' ? { followUp: 'due' } : { ...(saved?.criteria ?? {}) };
  const criteria = { ...base, ...(search ? { search } : {}), ...SORTS[sort] };
  const tasks = useResource(() => api<Page<Task>>('/api/tasks', { query: { status: 'open', ...criteria, limit: PAGE, offset } }), [JSON.stringify(criteria), offset]);
  const reload = () => {
    tasks.reload();
    filters.reload();
  };
  const live = useLiveEvents({ roles: [session.role], types: LIVE_TYPES }, (event) => {
    reload();
    const detail = event.data.detail as { taskId?: string } | undefined;
    if (id && detail?.taskId === id) setVersion((v) => v + 1);
  });
  // Any change of what is asked starts again at the first page.
  const fresh = <T,>(set: (v: T) => void) => (v: T) => {
    set(v);
    setOffset(0);
  };
  const role = t(`role.${session.role}`);

  return (
    <section class="page wide tasklist">
      <div class="page-head">
        <div>
          <h1>{t('tasks.title')}</h1>
          <p class="muted">{t('tasks.subtitle', { role })}</p>
        </div>
        <LiveDot status={live} />
      </div>
      {flash && (
        <p class="notice ok" role="status" data-testid="flash">
          {t('tasks.completed', flash)}
        </p>
      )}
      <div class="tasklist-body">
        <div class="tasklist-list">
          <TaskViews view={view} onView={fresh(setViewState)} filters={filters} role={role} current={criteria} />
          <SearchAndSort search={search} onSearch={fresh(setSearchState)} sort={sort} onSort={fresh(setSortState)} />
          {tasks.error && <ErrorMessage error={tasks.error} onRetry={tasks.reload} />}
          {!tasks.data && !tasks.error && <Loading />}
          {tasks.data?.items.length === 0 && <Empty>{emptyText()}</Empty>}
          {tasks.data && tasks.data.items.length > 0 && <TaskTable tasks={tasks.data.items} selected={id} onSelect={(taskId) => route(`/tasks/${taskId}`)} />}
          {tasks.data && <Pager offset={offset} limit={PAGE} total={tasks.data.total} onOffset={setOffset} />}
        </div>
        <div class="tasklist-detail">
          {id ? (
            <TaskPanel
              id={id}
              version={version}
              onChanged={reload}
              onCompleted={(task) => {
                setFlash({ name: localName(task.name, task.names, locale), request: task.businessKey ?? task.processInstanceId.slice(0, 8) });
                reload();
                route('/tasks');
              }}
            />
          ) : (
            <p class="muted panel">{t('tasks.pick')}</p>
          )}
        </div>
      </div>
    </section>
  );

  function emptyText(): string {
    if (search) return t('tasklist.noMatch', { search });
    if (viewKey(view) === 'mine') return t('tasks.empty.mine', { name: session.name, role });
    return t('tasks.empty.role', { role });
  }
}
