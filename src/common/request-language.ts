// The caller's language for texts the server writes (form validation messages): zh-CN or en, from Accept-Language.
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';

export type Language = 'en' | 'zh-CN';

/** The first language of an Accept-Language header that we speak; English otherwise. */
export function languageOf(header: string | string[] | undefined): Language {
  const first = (Array.isArray(header) ? header[0] : header ?? '').split(',')[0]?.trim() ?? '';
  return /^zh\b/i.test(first) ? 'zh-CN' : 'en';
}

/** @RequestLanguage(): the web client sends its UI language as Accept-Language on every call. */
export const RequestLanguage = createParamDecorator((_data: unknown, ctx: ExecutionContext) => languageOf(ctx.switchToHttp().getRequest<{ headers: Record<string, string | string[] | undefined> }>().headers['accept-language']));
