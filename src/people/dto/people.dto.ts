// Request shape of the people (user picker) API.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

export class PeopleQueryDto {
  @ApiProperty({ example: 'technician', description: 'a role or candidate group' }) @IsString() @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/) role!: string;
  @ApiPropertyOptional({ description: 'part of the username or display name' }) @IsOptional() @IsString() @MaxLength(100) search?: string;
  @ApiPropertyOptional({ default: 200 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) limit?: number;
}
