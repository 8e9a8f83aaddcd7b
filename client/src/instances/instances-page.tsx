// PLACEHOLDER until its feature lands in this session: replaced before commit.
export function InstancesPage() {
  return <section class="page">InstancesPage</section>;
}
