// The English / 简体中文 switch, the same on the staff frame, the sign-in page and the customer's survey page.
import { useI18n } from '../i18n/i18n';

export function LanguageSwitch({ class: className }: { class: string }) {
  const { t, locale, setLocale } = useI18n();
  return (
    <button type="button" class={className} data-testid="lang-switch" title={t('lang.switchTitle')} onClick={() => setLocale(locale === 'en' ? 'zh-CN' : 'en')}>
      {t('lang.switch')}
    </button>
  );
}
