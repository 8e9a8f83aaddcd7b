// Survey endpoints: the public page's (by one-time token, no login) and the staff list.
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Access, Public } from '../auth/access.decorator';
import { Rules } from '../auth/access-rules';
import { AnswerSurveyDto, SurveyQueryDto } from './dto/survey.dto';
import { SurveysService } from './surveys.service';

@ApiTags('surveys')
@Controller('api')
export class SurveysController {
  constructor(private readonly surveys: SurveysService) {}

  // The customer's page: no login, the one-time token is the only credential.
  @Get('public/surveys/:token') @Public()
  view(@Param('token') token: string) { return this.surveys.view(token); }

  @Post('public/surveys/:token') @Public() @HttpCode(200)
  answer(@Param('token') token: string, @Body() dto: AnswerSurveyDto) { return this.surveys.answer(token, dto); }

  @Get('surveys') @Access(Rules.readSurveys)
  list(@Query() query: SurveyQueryDto) { return this.surveys.list(query); }

  @Get('surveys/:id') @Access(Rules.readSurveys)
  get(@Param('id', new ParseUUIDPipe()) id: string) { return this.surveys.get(id); }
}
