// The customer's status page (by token from a notification, no login) and the staff's delivery log of a request.
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Access, Public } from '../auth/access.decorator';
import { Rules } from '../auth/access-rules';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/principal';
import { CustomerDeliveryLog } from '../customer-notifications/customer-delivery-log';
import { AnswerQuoteDto } from './dto/status-page.dto';
import { StatusPageService } from './status-page.service';

@ApiTags('status page')
@Controller('api')
export class StatusPageController {
  constructor(
    private readonly status: StatusPageService,
    private readonly log: CustomerDeliveryLog,
  ) {}

  @Get('public/status/:token') @Public()
  view(@Param('token') token: string) { return this.status.view(token); }

  @Post('public/status/:token/quote') @Public() @HttpCode(200)
  answerQuote(@Param('token') token: string, @Body() dto: AnswerQuoteDto) { return this.status.answerQuote(token, dto); }

  @Post('public/status/:token/opt-out') @Public() @HttpCode(200)
  optOut(@Param('token') token: string) { return this.status.optOut(token); }

  @Get('process-instances/:id/notifications') @Access(Rules.readInstances)
  deliveries(@Param('id', new ParseUUIDPipe()) id: string) { return this.log.ofInstance(id); }

  @Post('process-instances/:id/notifications/:deliveryId/retry') @Access(Rules.supervise) @HttpCode(200)
  retry(@CurrentPrincipal() by: Principal, @Param('id', new ParseUUIDPipe()) id: string, @Param('deliveryId') deliveryId: string) { return this.log.retry(id, deliveryId, by); }
}
