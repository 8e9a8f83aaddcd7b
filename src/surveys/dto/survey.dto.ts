// Request and response shapes of the survey API: the public answer form and the staff list.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { PageQueryDto } from '../../common/page.dto';
import type { SurveyEntity } from '../../database/entities/survey.entity';
import { SUGGESTIONS_MAX, SURVEY_DIMENSIONS } from '../survey-dimensions';

const likert = () => (target: object, key: string) => {
  ApiPropertyOptional({ minimum: 1, maximum: 5 })(target, key);
  IsOptional()(target, key);
  IsInt({ message: `${key} must be a whole number from 1 to 5` })(target, key);
  Min(1, { message: `${key} must be from 1 to 5` })(target, key);
  Max(5, { message: `${key} must be from 1 to 5` })(target, key);
};

/** CSAT 1–5 per dimension; a dimension the customer skipped is left out. */
export class SurveyScoresDto {
  @likert() responseSpeed?: number;
  @likert() professionalism?: number;
  @likert() resolutionEffect?: number;
  @likert() communication?: number;
  @likert() attitude?: number;
  @likert() transparency?: number;
  @likert() fairCharges?: number;
  @likert() brandImpression?: number;
}

export class AnswerSurveyDto {
  @ApiProperty({ type: SurveyScoresDto }) @ValidateNested() @Type(() => SurveyScoresDto) scores!: SurveyScoresDto;
  @ApiProperty({ minimum: 1, maximum: 5 }) @IsInt({ message: 'overall must be a whole number from 1 to 5' }) @Min(1, { message: 'overall must be from 1 to 5' }) @Max(5, { message: 'overall must be from 1 to 5' }) overall!: number;
  @ApiProperty({ minimum: 0, maximum: 10 }) @IsInt({ message: 'nps must be a whole number from 0 to 10' }) @Min(0, { message: 'nps must be from 0 to 10' }) @Max(10, { message: 'nps must be from 0 to 10' }) nps!: number;
  @ApiPropertyOptional({ maxLength: SUGGESTIONS_MAX }) @IsOptional() @IsString() @MaxLength(SUGGESTIONS_MAX, { message: `suggestions must be at most ${SUGGESTIONS_MAX} characters` }) suggestions?: string;
  @ApiPropertyOptional({ description: 'the customer asks for a formal complaint (service recovery opens one)' }) @IsOptional() @IsBoolean() wantsComplaint?: boolean;
}

export class SurveyQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['scheduled', 'sent', 'reminded', 'answered', 'expired'] }) @IsOptional() @IsIn(['scheduled', 'sent', 'reminded', 'answered', 'expired']) status?: SurveyEntity['status'];
  @ApiPropertyOptional({ description: 'the resolved service request or complaint' }) @IsOptional() @IsUUID() sourceInstanceId?: string;
}

/** What the public page may show: no contact data, no scores of others. */
export function mapPublicSurvey(s: SurveyEntity, customerName: string | null) {
  return { status: 'open' as const, customerName, about: s.sourceBusinessKey, process: s.sourceDefinitionKey, expiresAt: s.expiresAt, dimensions: [...SURVEY_DIMENSIONS], suggestionsMax: SUGGESTIONS_MAX };
}

export function mapSurvey(s: SurveyEntity, recoveryComplaintId: string | null = null) {
  return {
    id: s.id,
    processInstanceId: s.instanceId,
    resolutionKey: s.resolutionKey,
    source: { processInstanceId: s.sourceInstanceId, definitionKey: s.sourceDefinitionKey, definitionVersion: s.sourceDefinitionVersion, businessKey: s.sourceBusinessKey },
    channel: s.channel,
    priority: s.priority,
    region: s.region,
    status: s.status,
    sentAt: s.sentAt,
    remindedAt: s.remindedAt,
    expiresAt: s.expiresAt,
    answeredAt: s.answeredAt,
    scores: s.scores,
    overall: s.overall,
    nps: s.nps,
    suggestions: s.suggestions,
    wantsComplaint: s.wantsComplaint,
    lowScore: s.lowScore,
    recovery: s.recoveryKind ? { kind: s.recoveryKind, complaintInstanceId: recoveryComplaintId } : null,
    createdAt: s.createdAt,
  };
}
