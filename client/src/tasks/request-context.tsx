// Beside the form: who the customer is, the device, the fault or complaint, priority and channel, and the SLA clocks.
import { useMemo } from 'preact/hooks';
import { api } from '../app/api';
import type { InstanceDetail, SlaState } from '../app/types';
import { useResource } from '../app/use-resource';
import { diagramOptionNames } from '../forms/local-text';
import { useI18n } from '../i18n/i18n';
import { SlaBadge } from './sla-countdown';

/** Instance variables of service-request and complaint-escalation worth seeing while working on a task (processes/README.md). */
const CONTEXT = ['customerName', 'customerContact', 'deviceModel', 'serialNumber', 'faultDescription', 'complaint', 'priority', 'urgent', 'channel', 'inWarranty', 'region', 'faultType', 'category', 'technician', 'escalationLevel', 'relatedRequestId'];

export function RequestContext({ instance, clocks }: { instance: InstanceDetail; clocks: SlaState[] }) {
  const { t, locale } = useI18n();
  // Choices made on earlier forms (fault type, priority, category) by their label in the user's language.
  const xml = useResource(() => (locale === 'en' ? Promise.resolve('') : api<string>(`/api/definitions/${encodeURIComponent(instance.definitionKey)}/xml`, { query: { version: instance.definitionVersion }, text: true }).catch(() => '')), [instance.definitionKey, instance.definitionVersion, locale]);
  const options = useMemo(() => diagramOptionNames(xml.data ?? '', locale), [xml.data, locale]);
  const shown = CONTEXT.filter((k) => instance.variables[k] !== undefined && instance.variables[k] !== null && instance.variables[k] !== '');
  const value = (k: string) => {
    const v = instance.variables[k];
    if (typeof v === 'boolean') return v ? t('tasks.yes') : t('tasks.no');
    if (k === 'channel') return t(`tasks.channel.${String(v)}`);
    return options[k]?.[String(v)] || String(v);
  };
  const live = clocks.filter((c) => c.status === 'running' || c.status === 'paused' || c.breached);
  return (
    <aside class="panel request-context" aria-label={t('tasks.context')} data-testid="request-context">
      <h2>
        {t('tasks.context')} <span class="muted">{instance.businessKey ?? instance.id.slice(0, 8)}</span>
      </h2>
      {live.length > 0 && (
        <div class="context-sla">
          {live.map((c, i) => (
            <SlaBadge key={String(c.id ?? i)} clock={c} showScope />
          ))}
        </div>
      )}
      {shown.length === 0 ? (
        <p class="muted">{t('tasks.noContext')}</p>
      ) : (
        <dl>
          {shown.map((k) => (
            <div key={k} class={k === 'faultDescription' || k === 'complaint' ? 'wide' : ''}>
              <dt>{t(`tasks.ctx.${k}`)}</dt>
              <dd data-testid={`ctx-${k}`}>{value(k)}</dd>
            </div>
          ))}
        </dl>
      )}
      <a href={`/instances/${instance.id}`}>{t('tasks.openInstance')}</a>
    </aside>
  );
}
