// The business fields an instance is searched by, as the SQL expressions that the migration indexes (trigram) and the
// search repository filters on: the same text, so the planner uses the index. Names as processes/README.md gives them,
// with the short aliases some diagrams use. Changing an expression needs a new migration (re-create its index).
export const INSTANCE_SEARCH_FIELDS = {
  customer: `lower(coalesce(variables->>'customerName', variables->>'customer'))`,
  // Digits only, so "+86 139 3016 7999", "13930167999" and "3016 7999" find each other.
  phone: `regexp_replace(coalesce(variables->>'customerPhone', variables->>'customerContact', variables->>'phone'), '[^0-9]', '', 'g')`,
  device: `lower(coalesce(variables->>'deviceModel', variables->>'device'))`,
  serial: `lower(coalesce(variables->>'serialNumber', variables->>'serial'))`,
} as const;

export type InstanceSearchField = keyof typeof INSTANCE_SEARCH_FIELDS;

/** What the caller typed, as the indexed expression holds it (lower case; digits only for a phone). */
export function searchTerm(field: InstanceSearchField, text: string): string {
  return field === 'phone' ? text.replace(/[^0-9]/g, '') : text.trim().toLowerCase();
}
