// REST: password login and "who am I".
import { Body, Controller, Get, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Access, Public } from './access.decorator';
import { AuthService } from './auth.service';
import { CurrentPrincipal } from './current-principal.decorator';
import { LoginDto, mapPrincipal } from './dto/auth.dto';
import { USER_ROLES, type Principal } from './principal';

@ApiTags('auth')
@Controller('api/auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  login(@Body() dto: LoginDto, @Ip() ip: string) {
    return this.auth.login(dto, ip);
  }

  @Post('refresh')
  @Access({ roles: [...USER_ROLES] })
  @HttpCode(200)
  refresh(@CurrentPrincipal() principal: Principal) {
    return this.auth.refresh(principal);
  }

  @Get('me')
  @Access({ authenticated: true })
  me(@CurrentPrincipal() principal: Principal) {
    return mapPrincipal(principal);
  }
}
