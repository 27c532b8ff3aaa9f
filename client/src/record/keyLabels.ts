import type { TFunction } from 'i18next';
import type { Category, Region, RtoCode } from '../../../shared';

/** A region's name in the interface language ("No region" for BDT, sector members…). */
export const regionLabel = (region: Region, t: TFunction): string => t(`regions.${region}`);

/**
 * An RTO by its acronym, as every language writes it; `none` as the table says it: "No RTO" for
 * attendance, "Not on behalf of an RTO" for speaking time.
 */
export const rtoLabel = (rto: RtoCode | 'none', none: string): string => (rto === 'none' ? none : rto);

/** A membership category's name in the interface language. */
export const categoryLabel = (category: Category, t: TFunction): string => t(`people.categories.${category}`);
