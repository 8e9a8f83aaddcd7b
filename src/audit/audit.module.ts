// Feature: the audit log every feature writes to (global, like the clock), and the audit every @Audited request owes.
import { Global, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { AuditController } from './audit.controller';
import { AuditInterceptor } from './audit.interceptor';
import { AuditParticipant } from './audit-participant';
import { AuditRepository } from './audit.repository';
import { AuditService } from './audit.service';

@Global()
@Module({ controllers: [AuditController], providers: [AuditRepository, AuditService, AuditParticipant, { provide: APP_INTERCEPTOR, useClass: AuditInterceptor }], exports: [AuditService] })
export class AuditModule {}
