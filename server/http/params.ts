import type { z } from 'zod';

/**
 * A route parameter naming an id (`:id`), parsed and branded by `schema` at the edge; undefined when
 * malformed (too long, empty), which the route answers like an id that names nothing.
 */
export function idParam<T>(schema: z.ZodType<T, unknown>, value: unknown): T | undefined {
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}
