// The tasklist's views: the built-in ones (my role, mine, follow-up due) and the user's saved filters with their counts.
import { useState } from 'preact/hooks';
import { api } from '../app/api';
import type { Resource } from '../app/use-resource';
import { useI18n } from '../i18n/i18n';

export interface SavedFilter {
  id: string;
  name: string;
  criteria: Record<string, string | boolean>;
  count: number;
}
export type View = 'role' | 'mine' | 'followUp' | { saved: string };

export const viewKey = (v: View) => (typeof v === 'string' ? v : `saved:${v.saved}`);

export function TaskViews({ view, onView, filters, role, current }: { view: View; onView: (v: View) => void; filters: Resource<SavedFilter[]>; role: string; current: Record<string, string | boolean> }) {
  const { t } = useI18n();
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const builtIn: { view: View; label: string }[] = [
    { view: 'role', label: t('tasks.tab.role', { role }) },
    { view: 'mine', label: t('tasks.tab.mine') },
    { view: 'followUp', label: t('tasklist.tab.followUp') },
  ];
  const save = async (e: Event) => {
    e.preventDefault();
    try {
      const saved = await api<SavedFilter>('/api/task-filters', { method: 'POST', body: { name, criteria: current } });
      setNaming(false);
      setName('');
      setError(null);
      filters.reload();
      onView({ saved: saved.id });
    } catch (err) {
      setError((err as Error).message);
    }
  };
  const remove = async (f: SavedFilter) => {
    await api(`/api/task-filters/${f.id}`, { method: 'DELETE' });
    if (viewKey(view) === viewKey({ saved: f.id })) onView('role');
    filters.reload();
  };
  return (
    <div class="task-views">
      <div class="tabs" role="tablist">
        {builtIn.map((b) => (
          <button key={viewKey(b.view)} type="button" role="tab" aria-selected={viewKey(view) === viewKey(b.view)} class={viewKey(view) === viewKey(b.view) ? 'active' : ''} onClick={() => onView(b.view)}>
            {b.label}
          </button>
        ))}
        {(filters.data ?? []).map((f) => (
          <span key={f.id} class="saved-filter">
            <button type="button" role="tab" data-testid="saved-filter" aria-selected={viewKey(view) === viewKey({ saved: f.id })} class={viewKey(view) === viewKey({ saved: f.id }) ? 'active' : ''} onClick={() => onView({ saved: f.id })}>
              {f.name} <span class="badge count">{f.count}</span>
            </button>
            <button type="button" class="link" aria-label={t('tasklist.deleteFilter', { name: f.name })} onClick={() => remove(f)}>
              ×
            </button>
          </span>
        ))}
        {!naming && (
          <button type="button" class="link" onClick={() => setNaming(true)}>
            {t('tasklist.saveFilter')}
          </button>
        )}
      </div>
      {naming && (
        <form class="save-filter" onSubmit={save}>
          <input aria-label={t('tasklist.filterName')} placeholder={t('tasklist.filterName')} value={name} maxLength={100} required onInput={(e) => setName(e.currentTarget.value)} />
          <button type="submit" class="primary">
            {t('tasklist.save')}
          </button>
          <button type="button" onClick={() => setNaming(false)}>
            {t('tasklist.cancel')}
          </button>
          {error && (
            <span class="error" role="alert">
              {error}
            </span>
          )}
        </form>
      )}
    </div>
  );
}
