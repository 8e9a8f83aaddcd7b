// @ClientGone(): an AbortSignal that fires when the caller closes the connection, so a long poll stops waiting for it.
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Response } from 'express';

export const ClientGone = createParamDecorator((_data: unknown, ctx: ExecutionContext): AbortSignal => {
  const http = ctx.switchToHttp();
  const res = http.getResponse<Response>();
  const controller = new AbortController();
  // 'close' on the response fires when the socket closes, also after a normal answer (then it no longer matters).
  res.once('close', () => {
    if (!res.writableFinished) controller.abort();
  });
  // (not req.destroyed: a request whose body has been read is destroyed while its socket still waits for the answer)
  if (res.socket?.destroyed) controller.abort();
  return controller.signal;
});
