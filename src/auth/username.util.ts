// The one normalisation of a user name: sign-in looks users up by it and the sign-in throttle counts by it, so no
// spelling of a name (case, surrounding blanks, full-width letters) is a different name to one and not the other.
export function normalizeUsername(raw: string): string {
  return raw.normalize('NFKC').trim().toLowerCase();
}
