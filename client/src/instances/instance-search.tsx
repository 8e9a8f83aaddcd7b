// The instances screen's search by business fields (customer, phone, device, serial) and one variable (name:value).
import { useI18n } from '../i18n/i18n';

export const SEARCH_KEYS = ['customer', 'phone', 'device', 'serial', 'variable'] as const;
export type SearchDraft = Record<(typeof SEARCH_KEYS)[number], string>;

export function searchOf(query: Record<string, string | undefined>): SearchDraft {
  return Object.fromEntries(SEARCH_KEYS.map((k) => [k, query[k] ?? ''])) as SearchDraft;
}

export function InstanceSearchFields({ draft, onChange }: { draft: SearchDraft; onChange: (d: SearchDraft) => void }) {
  const { t } = useI18n();
  return (
    <>
      {SEARCH_KEYS.map((k) => (
        <label key={k}>
          {t(`instances.search.${k}`)}
          <input name={k} value={draft[k]} placeholder={k === 'variable' ? 'region:Pudong' : undefined} onInput={(e) => onChange({ ...draft, [k]: e.currentTarget.value })} />
        </label>
      ))}
    </>
  );
}
