// REST: webhook subscriptions for integrators and their delivery log.
import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { Access } from '../../auth/access.decorator';
import { Rules } from '../../auth/access-rules';
import { ApiTags } from '@nestjs/swagger';
import { PageQueryDto } from '../../common/page.dto';
import { CreateWebhookDto, DeliveryQueryDto } from '../dto/webhook.dto';
import { WebhooksService } from './webhooks.service';
import { Audited } from '../../audit/audited.decorator';

@ApiTags('webhooks')
@Access(Rules.admin)
@Controller('api/webhooks')
export class WebhooksController {
  constructor(private readonly service: WebhooksService) {}

  @Post()
  @Audited('webhook.created', { target: 'webhook' })
  create(@Body() dto: CreateWebhookDto) {
    return this.service.create(dto);
  }

  @Get()
  list(@Query() query: PageQueryDto) {
    return this.service.list(query);
  }

  @Get(':id')
  get(@Param('id', ParseUUIDPipe) id: string) {
    return this.service.get(id);
  }

  @Delete(':id')
  @Audited('webhook.deactivated', { target: 'webhook' })
  deactivate(@Param('id', ParseUUIDPipe) id: string) {
    return this.service.deactivate(id);
  }

  @Post(':id/test')
  @HttpCode(200)
  @Audited('webhook.tested', { target: 'webhook' })
  test(@Param('id', ParseUUIDPipe) id: string) {
    return this.service.test(id);
  }

  @Get(':id/deliveries')
  deliveries(@Param('id', ParseUUIDPipe) id: string, @Query() query: DeliveryQueryDto) {
    return this.service.deliveryLog(id, query);
  }
}
