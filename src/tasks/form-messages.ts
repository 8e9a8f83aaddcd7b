// The form validator's messages in en and zh-CN, with the field's label in the same language.
import type { FormField } from '../engine/definition-model';
import type { Language } from '../common/request-language';

const MESSAGES = {
  required: { en: '{label} is required', 'zh-CN': '{label}为必填项' },
  notAField: { en: '"{key}" is not a field of this form (fields: {fields})', 'zh-CN': '“{key}”不是此表单的字段（字段：{fields}）' },
  boolean: { en: 'must be true or false', 'zh-CN': '必须是“是”或“否”' },
  date: { en: 'must be an ISO 8601 date, e.g. 2026-03-01T09:30:00+08:00', 'zh-CN': '必须是 ISO 8601 日期，例如 2026-03-01T09:30:00+08:00' },
  oneOf: { en: 'must be one of {options}', 'zh-CN': '必须是以下之一：{options}' },
  type: { en: 'unsupported field type {type}', 'zh-CN': '不支持的字段类型 {type}' },
  text: { en: 'must be text', 'zh-CN': '必须是文本' },
  minlength: { en: 'must have at least {n} characters', 'zh-CN': '至少需要 {n} 个字符' },
  maxlength: { en: 'must have at most {n} characters', 'zh-CN': '最多 {n} 个字符' },
  pattern: { en: 'does not have the expected format', 'zh-CN': '格式不正确' },
  whole: { en: 'must be a whole number', 'zh-CN': '必须是整数' },
  min: { en: 'must be at least {n}', 'zh-CN': '不能小于 {n}' },
  max: { en: 'must be at most {n}', 'zh-CN': '不能大于 {n}' },
  decimal: { en: 'must be a number, e.g. 350.50', 'zh-CN': '必须是数字，例如 350.50' },
  decimals: { en: 'must have at most 2 decimals', 'zh-CN': '最多两位小数' },
  duration: { en: 'must be an ISO 8601 duration such as PT2M or P1DT4H', 'zh-CN': '必须是 ISO 8601 时长，例如 PT2M 或 P1DT4H' },
  fieldError: { en: '{label}: {error}', 'zh-CN': '{label}：{error}' },
  formProblems: { en: 'the form has {n} problem(s): {list}', 'zh-CN': '表单有 {n} 处问题：{list}' },
  startProblems: { en: 'the start variables have {n} problem(s): {list}', 'zh-CN': '启动变量有 {n} 处问题：{list}' },
} satisfies Record<string, Record<Language, string>>;

export type MessageKey = keyof typeof MESSAGES;

export function formMessage(language: Language, key: MessageKey, params: Record<string, string | number> = {}): string {
  return MESSAGES[key][language].replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** The field's label in `language` (label.zh-CN in the diagram), else the diagram's label. */
export function labelIn(field: FormField, language: Language): string {
  return field.labels?.[language] || field.label;
}

/** The joined "the form has n problem(s): …" line of a refused submission. */
export function problemsLine(language: Language, key: 'formProblems' | 'startProblems', messages: string[]): string {
  return formMessage(language, key, { n: messages.length, list: messages.join(language === 'zh-CN' ? '；' : '; ') });
}
