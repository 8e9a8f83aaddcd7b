// A form's texts in the user's language: label.<locale> / option.<id>.<locale> from the diagram, else the default text.
import type { FormField } from '../app/types';

export function fieldLabel(field: FormField, locale: string): string {
  return field.labels?.[locale] || field.label;
}

export function optionName(option: NonNullable<FormField['options']>[number], locale: string): string {
  return option.names?.[locale] || option.name;
}
