// REST: integrator API keys, for admins.
import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { PageQueryDto } from '../common/page.dto';
import { Access } from './access.decorator';
import { ApiKeysService } from './api-keys.service';
import { CurrentPrincipal } from './current-principal.decorator';
import { CreateApiKeyDto } from './dto/auth.dto';
import type { Principal } from './principal';

@ApiTags('auth')
@Controller('api/api-keys')
@Access({ roles: ['admin'] })
export class ApiKeysController {
  constructor(private readonly keys: ApiKeysService) {}

  @Get()
  list(@Query() query: PageQueryDto) {
    return this.keys.list(query);
  }

  @Post()
  create(@CurrentPrincipal() by: Principal, @Body() dto: CreateApiKeyDto) {
    return this.keys.create(by, dto);
  }

  @Delete(':id')
  revoke(@CurrentPrincipal() by: Principal, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.keys.revoke(by, id);
  }
}
