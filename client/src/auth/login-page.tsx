// Sign-in screen: username and password; after signing in, back to the page that asked for it.
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { ApiError } from '../app/api';
import { authStore } from '../app/auth-store';
import { LanguageSwitch } from '../app/language-switch';
import { useI18n } from '../i18n/i18n';
import './login.css';

/** Only same-site paths are followed after sign-in (no open redirect). */
function safeNext(value: string | undefined): string {
  return value && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/login') ? value : '/';
}

export function LoginPage() {
  const { t } = useI18n();
  const { query, route } = useLocation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  // A message key (translated when shown, so the language switch applies to it) or the server's own words.
  const [error, setError] = useState<{ key: 'auth.expired' | 'auth.failed' | 'common.offline' } | { text: string } | null>(query.expired ? { key: 'auth.expired' } : null);

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      if (await authStore.login(username.trim(), password)) route(safeNext(query.next), true);
      else setError({ key: 'auth.failed' });
    } catch (err) {
      // Offline, or the server's own reason (e.g. too many attempts: wait a minute).
      setError(err instanceof ApiError && err.status > 0 ? { text: err.message } : { key: 'common.offline' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="login-screen">
      <form class="login-card panel" onSubmit={submit} aria-labelledby="login-title">
        <div class="login-head">
          <h1 id="login-title">{t('auth.title')}</h1>
          <LanguageSwitch class="link" />
        </div>
        <label for="login-username">{t('auth.username')}</label>
        <input id="login-username" name="username" autoComplete="username" value={username} onInput={(e) => setUsername(e.currentTarget.value)} required />
        <label for="login-password">{t('auth.password')}</label>
        <input id="login-password" name="password" type="password" autoComplete="current-password" value={password} onInput={(e) => setPassword(e.currentTarget.value)} required />
        {error && (
          <p class="error" role="alert">
            {'key' in error ? t(error.key) : error.text}
          </p>
        )}
        <button type="submit" class="primary" disabled={busy}>
          {busy ? t('auth.signingIn') : t('auth.submit')}
        </button>
        <p class="muted small">{t('auth.firstStart')}</p>
      </form>
    </div>
  );
}
