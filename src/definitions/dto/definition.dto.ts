// Request and response shapes of the definitions API, with the mappers from entities.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString } from 'class-validator';
import { IntParam } from '../../common/int-param';
import type { DefinitionEntity } from '../../database/entities';
import type { DefinitionChanges } from '../definition-diff.util';

export class DeployDefinitionDto {
  @ApiPropertyOptional({ description: 'BPMN 2.0 XML (or upload it as multipart field "file")' })
  @IsOptional()
  @IsString()
  xml?: string;
}

export class XmlQueryDto {
  @IntParam({ min: 1, description: 'version number; latest when omitted' })
  version?: number;
}

export class DefinitionDto {
  @ApiProperty() id!: string;
  @ApiProperty() key!: string;
  @ApiProperty() name!: string;
  @ApiProperty() version!: number;
  @ApiProperty() deployedAt!: Date;
  @ApiPropertyOptional({ description: 'the process name in other languages (name.zh-CN on the process)' }) names?: Record<string, string>;
}

export class DeployResultDto extends DefinitionDto {
  @ApiProperty({ description: 'false when identical XML was already the latest version (no-op)' }) created!: boolean;
  @ApiProperty({ description: 'lint warnings that do not block the deploy' }) warnings!: { elementId: string; message: string }[];
}

export function mapDefinition(d: DefinitionEntity, names?: Record<string, string>): DefinitionDto {
  return { id: d.id, key: d.key, name: d.name, ...(names && { names }), version: d.version, deployedAt: d.deployedAt };
}

export class PreviewDefinitionDto {
  @ApiProperty({ description: 'BPMN 2.0 XML to compare with the latest deployed version of its process id' })
  @IsString()
  @IsNotEmpty()
  xml!: string;
}

export class PreviewProblemDto {
  @ApiProperty({ description: 'the element the problem is about; empty for the whole file' }) elementId!: string;
  @ApiPropertyOptional({ description: 'bpmnlint rule, e.g. ops/timer-definition' }) rule?: string;
  @ApiProperty() message!: string;
  @ApiProperty({ enum: ['error', 'warn'], description: 'errors refuse the deploy; warnings do not' }) severity!: 'error' | 'warn';
}

export class DefinitionPreviewDto {
  @ApiProperty({ nullable: true, description: 'the executable process id (null when there is none)' }) key!: string | null;
  @ApiProperty({ nullable: true }) currentVersion!: number | null;
  @ApiProperty({ nullable: true, description: 'the version a deploy would create; equals currentVersion when identical' }) nextVersion!: number | null;
  @ApiProperty({ description: 'the XML is byte-identical to the latest version: deploying is a no-op' }) identical!: boolean;
  @ApiProperty({ type: [PreviewProblemDto] }) problems!: PreviewProblemDto[];
  @ApiProperty({ description: '{added, removed: [{id, type, name}], changed: [{id, type, name, fields}]} against the latest version' })
  changes!: DefinitionChanges;
}
