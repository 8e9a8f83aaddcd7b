// What must never reach a log in clear: survey tokens in paths (a token is the credential for one answer) and
// customer contacts (personal data): redacted or masked before logging.

/** Survey and status-page links (/api/public/surveys|status/<token>, /survey/<token>, /status/<token>): the token becomes [redacted]. */
export function redactUrl(url: string | undefined): string | undefined {
  return url?.replace(/(\/(?:api\/public\/surveys|api\/public\/status|survey|status)\/)[^/?#]+/g, '$1[redacted]');
}

/** A phone number, e-mail or chat id with only its first 3 and last 2 characters kept (e-mail: the domain too). */
export function maskContact(contact: string): string {
  const at = contact.lastIndexOf('@');
  if (at > 0) return `${contact[0]}***${contact.slice(at)}`;
  const compact = contact.replace(/[\s()-]/g, '');
  if (compact.length <= 5) return '*'.repeat(compact.length);
  return `${compact.slice(0, 3)}${'*'.repeat(compact.length - 5)}${compact.slice(-2)}`;
}
