// Free-form JSON in request bodies (process variables): marked on the DTO, passed through the validation pipe as
// parsed, and never walked by class-transformer, whose key walk is quadratic in an object's key count (its
// getKeys de-duplicates with indexOf: 200,000 variable names held a worker for minutes).
import type { TransformerPackage } from '@nestjs/common/interfaces/external/transformer-package.interface';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { applyDecorators } from '@nestjs/common';
import { instanceToPlain, plainToInstance, type ClassConstructor } from 'class-transformer';
import { IsObject, IsOptional } from 'class-validator';

const freeFormKeys = new WeakMap<object, Set<string>>();

/** Marks a property as opaque JSON data: validated as an object, copied as it is. */
export function FreeForm(): PropertyDecorator {
  return (target, key) => {
    const keys = freeFormKeys.get(target) ?? new Set<string>();
    keys.add(String(key));
    freeFormKeys.set(target, keys);
  };
}

/** An optional object of process variables (names → JSON values); its limits are checked by the command pipeline. */
export function IsVariables(description?: string): PropertyDecorator {
  return applyDecorators(ApiPropertyOptional({ type: 'object', additionalProperties: true, description }), IsOptional(), IsObject(), FreeForm());
}

function keysOf(cls: ClassConstructor<unknown>): string[] {
  const keys: string[] = [];
  for (let proto = cls.prototype; proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) keys.push(...(freeFormKeys.get(proto) ?? []));
  return keys;
}

/** class-transformer for the ValidationPipe, with the free-form properties set aside while it builds the DTO. */
export const freeFormTransformer: TransformerPackage = {
  plainToInstance<T>(cls: ClassConstructor<T>, plain: unknown, options?: object): T | T[] {
    const keys = keysOf(cls);
    if (!keys.length || plain === null || typeof plain !== 'object' || Array.isArray(plain)) return plainToInstance(cls, plain, options);
    const rest: Record<string, unknown> = { ...(plain as Record<string, unknown>) };
    const kept: Record<string, unknown> = {};
    for (const key of keys) {
      if (!Object.hasOwn(rest, key)) continue;
      kept[key] = rest[key];
      delete rest[key];
    }
    return Object.assign(plainToInstance(cls, rest, options) as object, kept) as T;
  },
  classToPlain: (object, options) => instanceToPlain(object, options),
};
