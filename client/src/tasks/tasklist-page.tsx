// PLACEHOLDER until its feature lands in this session: replaced before commit.
export function TasklistPage() {
  return <section class="page">TasklistPage</section>;
}
