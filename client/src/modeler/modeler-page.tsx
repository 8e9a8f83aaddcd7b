// PLACEHOLDER until its feature lands in this session: replaced before commit.
export function ModelerPage() {
  return <section class="page">ModelerPage</section>;
}
