// Above the tasklist: the search box (server-side, over the business fields), the sort, and the pager.
import { useEffect, useState } from 'preact/hooks';
import { useDebounced } from '../instances/use-debounced';
import { useI18n } from '../i18n/i18n';

export const SORTS = {
  due: { sortBy: 'due', sortOrder: 'asc' },
  newest: { sortBy: 'created', sortOrder: 'desc' },
  oldest: { sortBy: 'created', sortOrder: 'asc' },
  name: { sortBy: 'name', sortOrder: 'asc' },
  followUp: { sortBy: 'followUp', sortOrder: 'asc' },
} as const;
export type SortName = keyof typeof SORTS;

export function SearchAndSort({ search, onSearch, sort, onSort }: { search: string; onSearch: (s: string) => void; sort: SortName; onSort: (s: SortName) => void }) {
  const { t } = useI18n();
  const [text, setText] = useState(search);
  useEffect(() => setText(search), [search]);
  // One request when the agent stops typing, not one per key; and none when the text did not change (the debounce
  // also runs once after mount, which must not send a pager already moved on back to the first page).
  const commit = useDebounced(() => {
    if (text.trim() !== search) onSearch(text.trim());
  }, 300);
  useEffect(commit, [text]);
  return (
    <div class="tasklist-toolbar">
      <input type="search" aria-label={t('tasklist.search')} placeholder={t('tasklist.searchPlaceholder')} value={text} data-testid="task-search" onInput={(e) => setText(e.currentTarget.value)} />
      <label>
        <span class="sr-only">{t('tasklist.sort')}</span>
        <select aria-label={t('tasklist.sort')} value={sort} data-testid="task-sort" onChange={(e) => onSort(e.currentTarget.value as SortName)}>
          {(Object.keys(SORTS) as SortName[]).map((s) => (
            <option key={s} value={s}>
              {t(`tasklist.sort.${s}`)}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}

export function Pager({ offset, limit, total, onOffset }: { offset: number; limit: number; total: number; onOffset: (o: number) => void }) {
  const { t } = useI18n();
  if (total === 0) return null;
  return (
    <div class="pager" data-testid="pager">
      <span class="muted">{t('tasklist.range', { from: offset + 1, to: Math.min(offset + limit, total), total })}</span>
      <button type="button" disabled={offset === 0} onClick={() => onOffset(Math.max(0, offset - limit))}>
        {t('tasklist.prev')}
      </button>
      <button type="button" disabled={offset + limit >= total} onClick={() => onOffset(offset + limit)}>
        {t('tasklist.next')}
      </button>
    </div>
  );
}
