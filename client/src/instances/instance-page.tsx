// PLACEHOLDER until its feature lands in this session: replaced before commit.
export function InstancePage() {
  return <section class="page">InstancePage</section>;
}
