// The admin console (admins only): users, groups, API keys, webhook subscriptions and the audit log, one tab each.
import { useState } from 'preact/hooks';
import { useI18n } from '../i18n/i18n';
import { useSession } from '../app/session';
import { UsersPanel } from './users-panel';
import { GroupsPanel } from './groups-panel';
import { KeysPanel } from './keys-panel';
import { WebhooksPanel } from './webhooks-panel';
import { AuditPanel } from './audit-panel';
import './admin.css';

const TABS = { users: UsersPanel, groups: GroupsPanel, keys: KeysPanel, webhooks: WebhooksPanel, audit: AuditPanel } as const;
type Tab = keyof typeof TABS;

export function AdminPage() {
  const { t } = useI18n();
  const session = useSession();
  const [tab, setTab] = useState<Tab>('users');
  if (session.auth && !session.auth.user.roles.includes('admin')) return <p class="admin-denied">{t('admin.adminsOnly')}</p>;
  const Panel = TABS[tab];
  return (
    <section class="page wide admin" data-testid="admin-page">
      <h1>{t('admin.title')}</h1>
      <div role="tablist" class="admin-tabs">
        {(Object.keys(TABS) as Tab[]).map((k) => (
          <button key={k} type="button" role="tab" aria-selected={tab === k} class={tab === k ? 'active' : ''} onClick={() => setTab(k)}>
            {t(`admin.tab.${k}`)}
          </button>
        ))}
      </div>
      <Panel />
    </section>
  );
}
