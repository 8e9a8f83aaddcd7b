// Shared bits for loading, errors and empty states, so every screen explains itself the same way.
import type { ComponentChildren } from 'preact';
import { useI18n } from '../i18n/i18n';
import { ApiError } from './api';
import type { LiveStatus } from './live-events';

export function Loading() {
  const { t } = useI18n();
  return <p class="muted">{t('common.loading')}</p>;
}

export function ErrorMessage({ error, onRetry }: { error: Error; onRetry?: () => void }) {
  const { t } = useI18n();
  const text = error instanceof ApiError && error.status === 0 ? t('common.offline') : t('common.error', { message: error.message });
  return (
    <div class="error" role="alert">
      {text} {onRetry && <button type="button" onClick={onRetry}>{t('common.retry')}</button>}
    </div>
  );
}

export function Empty({ children }: { children: ComponentChildren }) {
  return <p class="muted empty">{children}</p>;
}

/** The live-updates indicator every live screen shows. A refused stream (401/403) is final and says so. */
export function LiveDot({ status }: { status: LiveStatus }) {
  const { t } = useI18n();
  const text = status === 'open' ? t('live.connected') : status === 'denied' ? t('live.denied') : t('live.reconnecting');
  return (
    <span class={`live-dot ${status}`} data-testid="live-status">
      {text}
    </span>
  );
}
