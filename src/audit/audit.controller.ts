// REST: the audit log, for admins.
import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access.decorator';
import { AuditService } from './audit.service';
import { AuditQueryDto } from './dto/audit.dto';

@ApiTags('audit')
@Controller('api/audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Access({ roles: ['admin'] })
  list(@Query() query: AuditQueryDto) {
    return this.audit.list(query);
  }

  @Get('export')
  @Access({ roles: ['admin'] })
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="audit-log.csv"')
  exportCsv(@Query() query: AuditQueryDto) {
    return this.audit.exportCsv(query);
  }
}
