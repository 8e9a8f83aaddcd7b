// Login, users and API keys: requests (validated) and answers (never a hash or a stored secret).
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import type { ApiKeyEntity } from '../../database/entities/api-key.entity';
import type { UserEntity } from '../../database/entities/user.entity';
import { KEY_SCOPES, USER_ROLES, type Principal } from '../principal';

const USERNAME = /^[a-z0-9][a-z0-9._-]{1,62}$/;
const USERNAME_MESSAGE = 'username must be 2–63 characters: lower-case letters, digits, ".", "_" or "-"';

export class LoginDto {
  @ApiProperty({ example: 'admin' }) @IsString() @IsNotEmpty() @MaxLength(100) username!: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(200) password!: string;
}

export class CreateUserDto {
  @ApiProperty({ example: 'li.na' }) @IsString() @Matches(USERNAME, { message: USERNAME_MESSAGE }) username!: string;
  @ApiPropertyOptional({ example: '李娜' }) @IsOptional() @IsString() @MaxLength(200) displayName?: string;
  @ApiProperty({ minLength: 12 }) @IsString() @MinLength(12, { message: 'password must be at least 12 characters' }) @MaxLength(200) password!: string;
  @ApiProperty({ enum: USER_ROLES, isArray: true }) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(USER_ROLES.length) @IsIn(USER_ROLES, { each: true, message: `roles must be among ${USER_ROLES.join(', ')}` }) roles!: string[];
}

export class UpdateUserDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) displayName?: string;
  @ApiPropertyOptional({ minLength: 12 }) @IsOptional() @IsString() @MinLength(12, { message: 'password must be at least 12 characters' }) @MaxLength(200) password?: string;
  @ApiPropertyOptional({ enum: USER_ROLES, isArray: true }) @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(USER_ROLES.length) @IsIn(USER_ROLES, { each: true, message: `roles must be among ${USER_ROLES.join(', ')}` }) roles?: string[];
  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
}

export class CreateApiKeyDto {
  @ApiProperty({ example: 'crm-integration' }) @IsString() @IsNotEmpty() @MaxLength(100) name!: string;
  @ApiProperty({ enum: KEY_SCOPES, isArray: true }) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(KEY_SCOPES.length) @IsIn(KEY_SCOPES, { each: true, message: `scopes must be among ${KEY_SCOPES.join(', ')}` }) scopes!: string[];
}

export function mapUser(u: UserEntity) {
  return { id: u.id, username: u.username, displayName: u.displayName, roles: u.roles, active: u.active, createdAt: u.createdAt, updatedAt: u.updatedAt };
}

export function mapApiKey(k: ApiKeyEntity) {
  return { id: k.id, name: k.name, prefix: k.prefix, scopes: k.scopes, createdBy: k.createdBy, createdAt: k.createdAt, lastUsedAt: k.lastUsedAt, revokedAt: k.revokedAt };
}

export function mapPrincipal(p: Principal) {
  return p.kind === 'user' ? { kind: p.kind, id: p.id, username: p.name, roles: p.roles } : { kind: p.kind, id: p.id, name: p.name, scopes: p.scopes };
}
