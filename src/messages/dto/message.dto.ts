// Request shape of message correlation.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, ValidateIf } from 'class-validator';
import { IsVariables } from '../../common/free-form';

export class CorrelateMessageDto {
  @ApiProperty({ example: 'partsArrived' }) @IsString() @IsNotEmpty() @MaxLength(200) messageName!: string;
  @ApiPropertyOptional({ description: 'correlate by business key (or give processInstanceId)' })
  @ValidateIf((o: CorrelateMessageDto) => !o.processInstanceId)
  @IsString({ message: 'give businessKey or processInstanceId' })
  @IsNotEmpty()
  @MaxLength(200)
  businessKey?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() processInstanceId?: string;
  @IsVariables() variables?: Record<string, unknown>;
}

export class AwaitedMessagesQueryDto {
  @ApiProperty() @IsUUID() processInstanceId!: string;
}
