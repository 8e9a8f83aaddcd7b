// Opens the audit a request owes when its handler is @Audited: the caller and the action travel with the request, the
// transaction that changes state writes the entry (AuditService.forRequest / flushRequest), and the audit closes on answer.
import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Observable, finalize, mergeMap } from 'rxjs';
import type { AuthenticatedRequest } from '../auth/auth.guard';
import { actorOf } from '../auth/principal';
import { requestDetail } from './audit-detail.util';
import { runAudited, type PendingAudit } from './audit-request';
import { AuditService } from './audit.service';
import { AUDITED, type AuditedMeta } from './audited.decorator';

@Injectable()
export class AuditInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly audit: AuditService,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const meta = this.reflector.get<AuditedMeta | undefined>(AUDITED, context.getHandler());
    if (!meta || context.getType() !== 'http') return next.handle();
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const id = typeof req.params?.id === 'string' ? req.params.id : null;
    const pending: PendingAudit = { actor: actorOf(req.principal), action: meta.action, targetType: meta.target ?? 'process-instance', targetId: id, detail: requestDetail(req), instances: new Set(), written: 0, closed: false };
    // handle() binds the handler to the async context it is called in: call it inside the audited one.
    return new Observable((subscriber) =>
      runAudited(pending, () =>
        next
          .handle()
          .pipe(
            mergeMap(async (value) => {
              if (meta.afterSuccess) await this.audit.afterSuccess(pending);
              return value;
            }),
            finalize(() => (pending.closed = true)),
          )
          .subscribe(subscriber),
      ),
    );
  }
}
