// Request and response shapes of the webhooks API, with the mappers from the repository rows.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsOptional, IsString, IsUrl, Matches, MaxLength, MinLength } from 'class-validator';
import { PageQueryDto } from '../../common/page.dto';
import type { DeliveryStatus, WebhookDelivery } from '../webhooks/webhook-delivery.repository';
import type { WebhookSubscription } from '../webhooks/webhook-subscription.repository';
import { EVENT_TYPE, EVENT_TYPE_MESSAGE } from './event-type';

export class CreateWebhookDto {
  @ApiProperty({ example: 'https://crm.example.com/hooks/serviceflow' })
  @IsString() @MaxLength(2000) @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false }, { message: 'url must be an http:// or https:// URL' })
  url!: string;

  @ApiPropertyOptional({ type: [String], example: ['task.created', 'process.completed'], description: 'exact event types; absent or empty = every event' })
  @IsOptional() @IsArray() @ArrayMaxSize(50) @ArrayUnique() @IsString({ each: true }) @Matches(EVENT_TYPE, { each: true, message: EVENT_TYPE_MESSAGE })
  eventTypes?: string[];

  @ApiPropertyOptional({ example: 'CRM ticket sync' }) @IsOptional() @IsString() @MaxLength(500) description?: string;

  @ApiPropertyOptional({ description: 'the HMAC key (16–200 characters); a random one is generated when absent. Returned only by this call.' })
  @IsOptional() @IsString() @MinLength(16) @MaxLength(200)
  secret?: string;
}

export class DeliveryQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['pending', 'delivered', 'failed'] }) @IsOptional() @IsIn(['pending', 'delivered', 'failed']) status?: DeliveryStatus;
}

export function mapSubscription(s: WebhookSubscription) {
  return { id: s.id, url: s.url, eventTypes: s.eventTypes, description: s.description, active: s.active, createdAt: s.createdAt };
}

export function mapDelivery(d: WebhookDelivery) {
  return {
    id: Number(d.id),
    eventId: Number(d.outboxId),
    eventType: d.eventType,
    status: d.status,
    attempts: d.attempts,
    nextAttemptAt: d.status === 'pending' ? d.nextAttemptAt : null,
    lastStatusCode: d.lastStatusCode,
    lastError: d.lastError,
    createdAt: d.createdAt,
    deliveredAt: d.deliveredAt,
  };
}
