// REST: is demo data loaded (the client shows a banner), and removing it (admins).
import { Controller, Delete, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access.decorator';
import { Rules } from '../auth/access-rules';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/principal';
import { DemoService } from './demo.service';

@ApiTags('demo')
@Controller('api/demo')
export class DemoController {
  constructor(private readonly demo: DemoService) {}

  @Get() @Access(Rules.readProcesses)
  status() { return this.demo.status(); }

  @Delete() @Access(Rules.admin)
  remove(@CurrentPrincipal() principal: Principal) { return this.demo.remove(principal); }
}
