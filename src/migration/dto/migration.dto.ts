// Request and response shapes of the migration API (Camunda 7's /migration shape: generate, validate, execute).
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';

export class GeneratePlanDto {
  @ApiProperty() @IsUUID() sourceProcessDefinitionId!: string;
  @ApiProperty() @IsUUID() targetProcessDefinitionId!: string;
}

export class MigrationInstructionDto {
  @ApiProperty({ example: ['Task_Old'] }) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(1) @IsString({ each: true }) @MaxLength(200, { each: true }) sourceActivityIds!: string[];
  @ApiProperty({ example: ['Task_New'] }) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(1) @IsString({ each: true }) @MaxLength(200, { each: true }) targetActivityIds!: string[];
}

export class MigrationPlanDto extends GeneratePlanDto {
  @ApiProperty({ type: [MigrationInstructionDto] }) @IsArray() @ArrayMaxSize(2000) @ValidateNested({ each: true }) @Type(() => MigrationInstructionDto) instructions!: MigrationInstructionDto[];
}

/** Which instances: by id, or every active instance of the plan's source version (processInstanceQuery). */
export class InstanceQueryDto {
  @ApiPropertyOptional({ enum: ['active'] }) @IsOptional() @IsIn(['active']) status?: 'active';
}

export class ValidateMigrationDto {
  @ApiProperty() @ValidateNested() @Type(() => MigrationPlanDto) migrationPlan!: MigrationPlanDto;
  @ApiProperty() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(10000) @IsUUID('all', { each: true }) processInstanceIds!: string[];
}

export class ExecuteMigrationDto {
  @ApiProperty() @ValidateNested() @Type(() => MigrationPlanDto) migrationPlan!: MigrationPlanDto;
  @ApiPropertyOptional() @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(10000) @IsUUID('all', { each: true }) processInstanceIds?: string[];
  @ApiPropertyOptional({ description: 'instead of ids: every active instance of the source version' }) @IsOptional() @ValidateNested() @Type(() => InstanceQueryDto) processInstanceQuery?: InstanceQueryDto;

}

export interface InstanceReport {
  processInstanceId: string;
  ok: boolean;
  failures: string[];
}
