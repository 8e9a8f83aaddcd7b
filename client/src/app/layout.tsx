// The frame around every screen: product name, navigation, who is working (name + role) and the language switch.
import type { ComponentChildren } from 'preact';
import { useLocation } from 'preact-iso';
import { useI18n } from '../i18n/i18n';
import { DemoBanner } from '../demo/demo-banner';
import { LanguageSwitch } from './language-switch';
import { useSession, type Role } from './session';

const NAV = [
  { href: '/', key: 'nav.processes' },
  { href: '/tasks', key: 'nav.tasks' },
  { href: '/board', key: 'nav.board' },
  { href: '/instances', key: 'nav.instances' },
  { href: '/kpis', key: 'nav.kpis' },
  { href: '/dispatch', key: 'nav.dispatch' },
  { href: '/incidents', key: 'nav.incidents' },
];

/** Customer-facing pages (survey and status links) and sign-in render on their own, without the staff frame. */
const BARE_PREFIXES = ['/survey/', '/status/', '/login'];

export function isBarePath(path: string): boolean {
  return BARE_PREFIXES.some((p) => path.startsWith(p));
}

function isActive(path: string, href: string): boolean {
  if (href === '/') return path === '/' || path.startsWith('/modeler');
  return path === href || path.startsWith(`${href}/`);
}

function SessionBox() {
  const { t } = useI18n();
  const session = useSession();
  // Not signed in: the page's first API call answers 401 and sends the browser to sign-in; until then, a link.
  if (!session.auth) return <a class="session-user" href="/login">{t('auth.submit')}</a>;
  return (
    <div class="session" aria-label={t('auth.signedInAs', { name: session.name })}>
      <span class="session-user" data-testid="signed-in-user" title={t('auth.signedInAs', { name: session.name })}>
        {session.auth.user.displayName || session.name}
      </span>
      <select name="session-role" aria-label={t('auth.actingAs')} value={session.role} onChange={(e) => session.update({ role: (e.currentTarget as HTMLSelectElement).value as Role })}>
        {session.roles.map((r) => (
          <option value={r} key={r}>
            {t(`role.${r}`)}
          </option>
        ))}
      </select>
      <button type="button" class="lang-switch" onClick={session.logout}>
        {t('auth.logout')}
      </button>
    </div>
  );
}

export function Layout({ children }: { children: ComponentChildren }) {
  const { t } = useI18n();
  const { path } = useLocation();
  const isAdmin = useSession().auth?.user.roles.includes('admin') ?? false;
  if (isBarePath(path)) return <>{children}</>;
  return (
    <div class="shell">
      <header class="topbar">
        <a class="brand" href="/">
          {t('app.name')}
        </a>
        <nav>
          {[...NAV, ...(isAdmin ? [{ href: '/admin', key: 'nav.admin' }] : [])].map((n) => (
            <a key={n.href} href={n.href} class={isActive(path, n.href) ? 'active' : ''} aria-current={isActive(path, n.href) ? 'page' : undefined}>
              {t(n.key)}
            </a>
          ))}
          <a href="/api/docs" target="_blank" rel="noreferrer">
            {t('nav.apiDocs')}
          </a>
        </nav>
        <div class="topbar-right">
          <SessionBox />
          <LanguageSwitch class="lang-switch" />
        </div>
      </header>
      <DemoBanner />
      <main>{children}</main>
    </div>
  );
}
