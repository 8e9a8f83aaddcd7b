// Free-form JSON in request bodies (process variables): passed through the validation pipe as parsed and never
// walked by class-transformer, whose key walk is quadratic in an object's key count (its getKeys de-duplicates with
// indexOf: 200,000 variable names held a worker for minutes). Marked with @FreeForm, or found: validated as an object only.
import type { TransformerPackage } from '@nestjs/common/interfaces/external/transformer-package.interface';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { applyDecorators } from '@nestjs/common';
import { instanceToPlain, plainToInstance, TransformationType, type ClassConstructor } from 'class-transformer';
import { getMetadataStorage, IsObject, IsOptional } from 'class-validator';

// class-transformer keeps its decorators' metadata here; the package exports it only under this path.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { defaultMetadataStorage: transformerMetadata } = require('class-transformer/cjs/storage') as typeof import('class-transformer/types/storage');

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

const keysCache = new WeakMap<object, string[]>();

/**
 * The marked properties, and every property validated as an object without nested validation or a transform: such a
 * value is opaque JSON to the DTO (variables of any endpoint, also one that forgot the mark), so it is never walked.
 */
function keysOf(cls: ClassConstructor<unknown>): string[] {
  const cached = keysCache.get(cls);
  if (cached) return cached;
  const keys = new Set<string>();
  for (let proto = cls.prototype; proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) for (const key of freeFormKeys.get(proto) ?? []) keys.add(key);
  const rules = getMetadataStorage().getTargetValidationMetadatas(cls, '', true, false);
  const handled = new Set(rules.filter((r) => r.type === 'nestedValidation').map((r) => r.propertyName));
  // A @Type or @Transform on the property means class-transformer has work to do there.
  const transformed = (key: string) => !!transformerMetadata.findTypeMetadata(cls, key) || transformerMetadata.findTransformMetadatas(cls, key, TransformationType.PLAIN_TO_CLASS).length > 0;
  for (const rule of rules) if (rule.name === 'isObject' && !handled.has(rule.propertyName) && !transformed(rule.propertyName)) keys.add(rule.propertyName);
  const list = [...keys];
  keysCache.set(cls, list);
  return list;
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
