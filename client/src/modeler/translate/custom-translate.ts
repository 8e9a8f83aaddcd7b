// bpmn-js translate module: palette, context pad, replace menu and properties-panel labels in the UI language.
import type { Locale } from '../../i18n/define';
import { zhCN } from './zh-cn';

const TABLES: Record<Locale, Record<string, string>> = { en: {}, 'zh-CN': zhCN };

/** A diagram-js module replacing the default `translate` with one for `locale` ({placeholders} filled as usual). */
export function translateModule(locale: Locale) {
  const table = TABLES[locale];
  const translate = (template: string, replacements: Record<string, string> = {}) =>
    (table[template] ?? template).replace(/{([^}]+)}/g, (_, key: string) => replacements[key] ?? `{${key}}`);
  return { translate: ['value', translate] };
}
