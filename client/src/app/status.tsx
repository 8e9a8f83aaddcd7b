// Shared bits for loading, errors and empty states, so every screen explains itself the same way.
import type { ComponentChildren } from 'preact';
import { useI18n } from '../i18n/i18n';
import { ApiError } from './api';

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
