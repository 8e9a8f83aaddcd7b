// The deployed processes' names in the user's language by key (GET /api/definitions: latest versions, name.<locale>).
import { useCallback } from 'preact/hooks';
import { localName } from '../forms/local-text';
import { useI18n } from '../i18n/i18n';
import { api } from './api';
import type { DefinitionSummary } from './types';
import { useResource } from './use-resource';

/** A function naming a process by its key: its localized name, else its default name, else the key (while loading too). */
export function useProcessNames(): (key: string) => string {
  const { locale } = useI18n();
  const definitions = useResource(() => api<DefinitionSummary[]>('/api/definitions').catch(() => [] as DefinitionSummary[]), []);
  return useCallback(
    (key: string) => {
      const d = definitions.data?.find((x) => x.key === key);
      return (d && localName(d.name, d.names, locale)) || key;
    },
    [definitions.data, locale],
  );
}
