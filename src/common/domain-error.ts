// Domain errors thrown by services; the one exception filter maps their codes to HTTP statuses.
export enum ErrorCode {
  NotFound = 'NOT_FOUND',
  Invalid = 'INVALID',
  Conflict = 'CONFLICT',
  InvalidDefinition = 'INVALID_DEFINITION',
  EngineFailed = 'ENGINE_FAILED',
  Unauthenticated = 'UNAUTHENTICATED',
  Forbidden = 'FORBIDDEN',
  Gone = 'GONE',
  TooManyRequests = 'TOO_MANY_REQUESTS',
}

export const httpStatusOf: Record<ErrorCode, number> = {
  [ErrorCode.NotFound]: 404,
  [ErrorCode.Invalid]: 400,
  [ErrorCode.Conflict]: 409,
  [ErrorCode.InvalidDefinition]: 400,
  [ErrorCode.EngineFailed]: 422,
  [ErrorCode.Unauthenticated]: 401,
  [ErrorCode.Forbidden]: 403,
  [ErrorCode.Gone]: 410,
  [ErrorCode.TooManyRequests]: 429,
};

export interface ErrorDetail {
  elementId?: string;
  field?: string;
  message: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetail[],
  ) {
    super(message);
  }

  static notFound(what: string, id: string): DomainError {
    return new DomainError(ErrorCode.NotFound, `${what} ${id} was not found`);
  }
}
