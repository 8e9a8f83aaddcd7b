// Bodies of the task actions beyond claim and complete: delegate, follow-up date, saved filters.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDateString, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateIf, ValidateNested } from 'class-validator';
import type { TaskFilterEntity } from '../../database/entities/task-filter.entity';
import { TaskCriteriaDto } from './task-criteria.dto';

export class DelegateTaskDto {
  @ApiProperty({ description: 'a user of the task\'s candidate groups' }) @IsString() @IsNotEmpty() @MaxLength(200) userId!: string;
}

export class FollowUpDto {
  @ApiProperty({ nullable: true, description: 'ISO date-time, or null to clear' })
  @ValidateIf((_o, v) => v !== null) @IsDateString({ strict: true }) followUp!: string | null;
}

export class SaveFilterDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(100) name!: string;
  @ApiPropertyOptional({ type: TaskCriteriaDto }) @IsOptional() @ValidateNested() @Type(() => TaskCriteriaDto) criteria?: TaskCriteriaDto;
}

export function mapFilter(f: TaskFilterEntity, count: number) {
  return { id: f.id, name: f.name, criteria: f.criteria, count, createdAt: f.createdAt };
}
