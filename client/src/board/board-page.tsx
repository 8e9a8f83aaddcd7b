// PLACEHOLDER until its feature lands in this session: replaced before commit.
export function BoardPage() {
  return <section class="page">BoardPage</section>;
}
