// REST: user administration, for admins.
import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { PageQueryDto } from '../common/page.dto';
import { Access } from './access.decorator';
import { CurrentPrincipal } from './current-principal.decorator';
import { CreateUserDto, UpdateUserDto } from './dto/auth.dto';
import type { Principal } from './principal';
import { UsersService } from './users.service';

@ApiTags('auth')
@Controller('api/users')
@Access({ roles: ['admin'] })
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  list(@Query() query: PageQueryDto) {
    return this.users.list(query);
  }

  @Post()
  create(@CurrentPrincipal() by: Principal, @Body() dto: CreateUserDto) {
    return this.users.create(by, dto);
  }

  @Patch(':id')
  update(@CurrentPrincipal() by: Principal, @Param('id', new ParseUUIDPipe()) id: string, @Body() dto: UpdateUserDto) {
    return this.users.update(by, id, dto);
  }
}
