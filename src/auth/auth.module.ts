// Feature: who is calling (users with roles, API keys with scopes), login, the global guard that applies @Access, and
// rate limits (registered after it, so that they count per signed-in caller).
import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { AppConfig } from '../config/app-config';
import { rateLimits } from './rate-limits';
import { AdminBootstrap } from './admin-bootstrap';
import { ApiKeyRepository } from './api-key.repository';
import { ApiKeysController } from './api-keys.controller';
import { ApiKeysService } from './api-keys.service';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { LoginAttemptRepository } from './login-attempt.repository';
import { LoginThrottle } from './login-throttle';
import { PrincipalResolver } from './principal-resolver';
import { SettingRepository } from './setting.repository';
import { TokenService } from './token.service';
import { UserRepository } from './user.repository';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Global()
@Module({
  imports: [JwtModule.register({}), ThrottlerModule.forRootAsync({ inject: [AppConfig], useFactory: rateLimits })],
  controllers: [AuthController, UsersController, ApiKeysController],
  providers: [UserRepository, ApiKeyRepository, LoginAttemptRepository, LoginThrottle, SettingRepository, TokenService, PrincipalResolver, AuthService, UsersService, ApiKeysService, AdminBootstrap, { provide: APP_GUARD, useClass: AuthGuard }, { provide: APP_GUARD, useClass: ThrottlerGuard }],
  exports: [AdminBootstrap, PrincipalResolver],
})
export class AuthModule {}
