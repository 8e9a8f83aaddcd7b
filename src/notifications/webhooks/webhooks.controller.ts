// REST: webhook subscriptions for integrators and their delivery log.
import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { Access } from '../../auth/access.decorator';
import { Rules } from '../../auth/access-rules';
import { ApiTags } from '@nestjs/swagger';
import { PageQueryDto } from '../../common/page.dto';
import { CreateWebhookDto, DeliveryQueryDto } from '../dto/webhook.dto';
import { WebhooksService } from './webhooks.service';

@ApiTags('webhooks')
@Access(Rules.admin)
@Controller('api/webhooks')
export class WebhooksController {
  constructor(private readonly service: WebhooksService) {}

  @Post()
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
  deactivate(@Param('id', ParseUUIDPipe) id: string) {
    return this.service.deactivate(id);
  }

  @Get(':id/deliveries')
  deliveries(@Param('id', ParseUUIDPipe) id: string, @Query() query: DeliveryQueryDto) {
    return this.service.deliveryLog(id, query);
  }
}
