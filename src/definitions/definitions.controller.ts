// REST: deploy a BPMN definition (or preview what a deploy would change), list definitions and versions, fetch a version's XML.
import { Body, Controller, Get, Header, HttpCode, Param, Post, Query, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiConsumes, ApiTags } from '@nestjs/swagger';
import { DefinitionsService } from './definitions.service';
import { DefinitionPreview } from './definition-preview';
import { DeployDefinitionDto, PreviewDefinitionDto, XmlQueryDto } from './dto/definition.dto';

const MAX_UPLOAD = 10 * 1024 * 1024; // the configured BPMN limit is checked after upload, with a clear message

@ApiTags('definitions')
@Controller('api/definitions')
export class DefinitionsController {
  constructor(
    private readonly service: DefinitionsService,
    private readonly previewer: DefinitionPreview,
  ) {}

  @Post()
  @ApiConsumes('application/json', 'multipart/form-data')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_UPLOAD, files: 1 } }))
  deploy(@Body() dto: DeployDefinitionDto, @UploadedFile() file?: { buffer: Buffer }) {
    return this.service.deploy(file ? file.buffer.toString('utf8') : dto.xml);
  }

  @Post('preview')
  @HttpCode(200)
  preview(@Body() dto: PreviewDefinitionDto) {
    return this.previewer.preview(dto.xml);
  }

  @Get()
  list() {
    return this.service.list();
  }

  @Get(':key')
  versions(@Param('key') key: string) {
    return this.service.versions(key);
  }

  @Get(':key/xml')
  @Header('Content-Type', 'application/xml; charset=utf-8')
  xml(@Param('key') key: string, @Query() query: XmlQueryDto) {
    return this.service.xml(key, query.version);
  }
}
