// A feature's message catalogue: English is the reference; Simplified Chinese must carry exactly the same keys.
export type Locale = 'en' | 'zh-CN';
export const LOCALES: Locale[] = ['en', 'zh-CN'];

export interface Catalogue<K extends string = string> {
  en: Record<K, string>;
  'zh-CN': Record<K, string>;
}

export function defineMessages<const E extends Record<string, string>>(messages: { en: E; 'zh-CN': Record<keyof E & string, string> }): Catalogue<keyof E & string> {
  return messages;
}
