import { randomBytes } from 'node:crypto';

/** A fresh random id such as `r_3f9a0c21d4e7b8`: unguessable, so ids in URLs leak nothing. */
export const newId = (prefix: string): string => `${prefix}_${randomBytes(7).toString('hex')}`;
