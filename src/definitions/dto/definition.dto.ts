// Request and response shapes of the definitions API, with the mappers from entities.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Min } from 'class-validator';
import type { DefinitionEntity } from '../../database/entities';

export class DeployDefinitionDto {
  @ApiPropertyOptional({ description: 'BPMN 2.0 XML (or upload it as multipart field "file")' })
  @IsOptional()
  @IsString()
  xml?: string;
}

export class XmlQueryDto {
  @ApiPropertyOptional({ description: 'version number; latest when omitted' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  version?: number;
}

export class DefinitionDto {
  @ApiProperty() id!: string;
  @ApiProperty() key!: string;
  @ApiProperty() name!: string;
  @ApiProperty() version!: number;
  @ApiProperty() deployedAt!: Date;
}

export class DeployResultDto extends DefinitionDto {
  @ApiProperty({ description: 'false when identical XML was already the latest version (no-op)' }) created!: boolean;
  @ApiProperty({ description: 'lint warnings that do not block the deploy' }) warnings!: { elementId: string; message: string }[];
}

export function mapDefinition(d: DefinitionEntity): DefinitionDto {
  return { id: d.id, key: d.key, name: d.name, version: d.version, deployedAt: d.deployedAt };
}
