// The demo data as the running product sees it: whether it is loaded (for the banner) and removing it.
import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { actorOf, type Principal } from '../auth/principal';
import { DemoRepository } from './demo.repository';
import { DEMO_PASSWORD_SUFFIX, DEMO_STAFF } from './demo-staff';

@Injectable()
export class DemoService {
  constructor(
    private readonly demo: DemoRepository,
    private readonly audit: AuditService,
  ) {}

  async status() {
    const [counts, run] = await Promise.all([this.demo.counts(), this.demo.lastRun()]);
    const loaded = counts.instance + counts.user > 0;
    return {
      loaded,
      instances: counts.instance,
      users: counts.user,
      loadedAt: run?.created_at ?? null,
      period: run?.detail ? { from: run.detail.from, to: run.detail.to } : null,
      // Shown to admins in the banner so they can look around as each role.
      signIn: loaded ? DEMO_STAFF.map((p) => ({ username: p.username, role: p.role, password: `${p.username}${DEMO_PASSWORD_SUFFIX}` })) : [],
    };
  }

  async remove(principal?: Principal) {
    // The audit entry commits with the deletion: no removal without its record, no record of a removal rolled back.
    return this.demo.removeAll((em, removed) => this.audit.record(em, { actor: actorOf(principal), action: 'demo.removed', targetType: 'demo', targetId: 'demo', detail: { ...removed } }));
  }
}
