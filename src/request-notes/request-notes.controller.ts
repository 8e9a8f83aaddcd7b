// REST: comments and attachments on a request, for whoever may view the instance (adding them: the front line).
import { Body, Controller, Get, Header, Param, ParseUUIDPipe, Post, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiConsumes, ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access.decorator';
import { Rules } from '../auth/access-rules';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/principal';
import { AddAttachmentDto, AddCommentDto } from './dto/request-notes.dto';
import { MAX_ATTACHMENT_BYTES } from './file-kind.util';
import { RequestNotesService, type UploadedFile as Upload } from './request-notes.service';

@ApiTags('request notes')
@Controller('api/process-instances/:id')
export class RequestNotesController {
  constructor(private readonly notes: RequestNotesService) {}

  @Get('notes')
  @Access(Rules.readInstances)
  list(@Param('id', ParseUUIDPipe) id: string) {
    return this.notes.list(id);
  }

  @Post('comments')
  @Access(Rules.workTasks)
  addComment(@CurrentPrincipal() by: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: AddCommentDto) {
    return this.notes.addComment(id, dto, by);
  }

  @Post('attachments')
  @Access(Rules.workTasks)
  @ApiConsumes('multipart/form-data')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1 } }))
  addAttachment(@CurrentPrincipal() by: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: AddAttachmentDto, @UploadedFile() file?: Upload) {
    return this.notes.addAttachment(id, dto, file, by);
  }

  @Get('attachments/:attachmentId/content')
  @Access(Rules.readInstances)
  @Header('X-Content-Type-Options', 'nosniff')
  async content(@Param('id', ParseUUIDPipe) id: string, @Param('attachmentId', ParseUUIDPipe) attachmentId: string) {
    return toFile(await this.notes.content(id, attachmentId));
  }
}

// Sent as a download (never rendered inline as a page of ours), typed by what the bytes are.
function toFile(a: { content: Buffer; contentType: string; fileName: string; sizeBytes: number }): StreamableFile {
  return new StreamableFile(a.content, { type: a.contentType, length: a.sizeBytes, disposition: `attachment; filename*=UTF-8''${encodeURIComponent(a.fileName)}` });
}
