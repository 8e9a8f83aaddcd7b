// The instance's history as a timeline (newest or oldest first); clicking an entry highlights its element.
import { useState } from 'preact/hooks';
import { formatDateTime } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import type { HistoryEntry } from './instance-types';

interface Props {
  history: HistoryEntry[];
  selected: string | null;
  onSelect: (activityId: string | null) => void;
  /** Element names in the user's language (name.zh-CN), by activity id. */
  names?: Record<string, string>;
}

/** A short, human line for an entry's detail (names, who, why), without dumping the whole object. */
function summary(h: HistoryEntry, names: Record<string, string>): string {
  const d = (h.detail ?? {}) as Record<string, unknown>;
  const name = typeof d.name === 'string' && h.activityId && names[h.activityId] ? names[h.activityId] : d.name;
  const parts = [name, d.assignee, d.messageName, d.reason, d.error, d.template, d.level !== undefined ? `L${d.level}` : undefined, d.policy];
  return parts.filter((p) => typeof p === 'string' || typeof p === 'number').join(' · ');
}

export function HistoryTimeline({ history, selected, onSelect, names = {} }: Props) {
  const { t } = useI18n();
  const [newestFirst, setNewestFirst] = useState(true);
  const label = (type: string) => {
    const key = `instance.history.type.${type}`;
    const text = t(key);
    return text === key ? type : text;
  };
  const entries = history.map((h, index) => ({ h, index }));
  if (newestFirst) entries.reverse();
  return (
    <section class="panel timeline" aria-labelledby="history-title">
      <div class="panel-head">
        <h2 id="history-title">{t('instance.history.title')}</h2>
        <button type="button" data-testid="history-order" onClick={() => setNewestFirst(!newestFirst)}>
          {newestFirst ? t('instance.history.newestFirst') : t('instance.history.oldestFirst')}
        </button>
      </div>
      <ol data-testid="history">
        {entries.map(({ h, index }) => {
          const text = summary(h, names);
          return (
            <li key={index} class={h.activityId && h.activityId === selected ? 'selected' : ''}>
              <button
                type="button"
                class="entry"
                data-testid="history-entry"
                data-type={h.type}
                data-activity-id={h.activityId ?? ''}
                disabled={!h.activityId}
                onClick={() => onSelect(h.activityId === selected ? null : h.activityId)}
              >
                <time dateTime={h.at}>{formatDateTime(h.at)}</time>
                <span class="type">{label(h.type)}</span>
                {text && <span class="muted">{text}</span>}
                {h.activityId && <code class="muted">{h.activityId}</code>}
              </button>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
