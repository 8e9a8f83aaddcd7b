// REST: is demo data loaded (the client shows a banner), and removing it (admins, with an explicit confirmation).
import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiProperty, ApiTags } from '@nestjs/swagger';
import { Equals } from 'class-validator';
import { Access } from '../auth/access.decorator';
import { Rules } from '../auth/access-rules';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/principal';
import { DemoService } from './demo.service';

export class RemoveDemoDto {
  @ApiProperty({ description: 'must be true: every demo instance, demo user and the demo process version are deleted' })
  @Equals(true, { message: 'confirm must be true to remove the demo data' }) confirm!: boolean;
}

@ApiTags('demo')
@Controller('api/demo')
export class DemoController {
  constructor(private readonly demo: DemoService) {}

  @Get() @Access(Rules.readProcesses)
  status() { return this.demo.status(); }

  @Post('remove') @HttpCode(200) @Access(Rules.admin)
  remove(@CurrentPrincipal() principal: Principal, @Body() _dto: RemoveDemoDto) { return this.demo.remove(principal); }
}
