// Any path the client does not know.
import { useI18n } from '../i18n/i18n';

export function NotFound() {
  const { t } = useI18n();
  return (
    <section class="page">
      <p>{t('common.notFound')}</p>
      <a href="/">{t('common.backHome')}</a>
    </section>
  );
}
