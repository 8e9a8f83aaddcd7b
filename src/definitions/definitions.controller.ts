// REST: deploy a BPMN definition (or preview what a deploy would change; or import one from Camunda 7 / Flowable), list definitions and versions, fetch a version's XML.
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { actorOf, type Principal } from '../auth/principal';
import { Access } from '../auth/access.decorator';
import { Rules } from '../auth/access-rules';
import { Body, Controller, Get, Header, HttpCode, Param, Post, Query, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiConsumes, ApiTags } from '@nestjs/swagger';
import { DefinitionsService } from './definitions.service';
import { DefinitionPreview } from './definition-preview';
import { DefinitionImport } from './import/definition-import';
import { DeployDefinitionDto, PreviewDefinitionDto, XmlQueryDto } from './dto/definition.dto';

const MAX_UPLOAD = 10 * 1024 * 1024; // the configured BPMN limit is checked after upload, with a clear message

@ApiTags('definitions')
@Controller('api/definitions')
export class DefinitionsController {
  constructor(
    private readonly service: DefinitionsService,
    private readonly previewer: DefinitionPreview,
    private readonly importer: DefinitionImport,
  ) {}

  @Post()
  @Access(Rules.deploy)
  @ApiConsumes('application/json', 'multipart/form-data')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_UPLOAD, files: 1 } }))
  deploy(@CurrentPrincipal() by: Principal, @Body() dto: DeployDefinitionDto, @UploadedFile() file?: { buffer: Buffer }) {
    return this.service.deploy(file ? file.buffer.toString('utf8') : dto.xml, actorOf(by));
  }

  @Post('preview')
  @Access(Rules.deploy)
  @HttpCode(200)
  preview(@Body() dto: PreviewDefinitionDto) {
    return this.previewer.preview(dto.xml);
  }

  @Post('import')
  @Access(Rules.deploy)
  @ApiConsumes('application/json', 'multipart/form-data')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_UPLOAD, files: 1 } }))
  import(@CurrentPrincipal() by: Principal, @Body() dto: DeployDefinitionDto, @UploadedFile() file?: { buffer: Buffer }) {
    return this.importer.import(file ? file.buffer.toString('utf8') : dto.xml, actorOf(by));
  }

  @Post('import/preview')
  @Access(Rules.deploy)
  @HttpCode(200)
  importPreview(@Body() dto: PreviewDefinitionDto) {
    return this.importer.preview(dto.xml);
  }

  @Get()
  @Access(Rules.readProcesses)
  list() {
    return this.service.list();
  }

  @Get(':key')
  @Access(Rules.readProcesses)
  versions(@Param('key') key: string) {
    return this.service.versions(key);
  }

  @Get(':key/xml')
  @Access(Rules.readProcesses)
  @Header('Content-Type', 'application/xml; charset=utf-8')
  xml(@Param('key') key: string, @Query() query: XmlQueryDto) {
    return this.service.xml(key, query.version);
  }
}
