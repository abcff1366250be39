import { lmsTable, type LmsTable } from './lmsTable.ts';
import { armCircumferenceForAgeByDay } from './tables/armCircumferenceForAgeByDay.ts';
import { bmiForAgeByDay } from './tables/bmiForAgeByDay.ts';
import { bmiForAgeByMonth2007 } from './tables/bmiForAgeByMonth2007.ts';
import { headCircumferenceForAgeByDay } from './tables/headCircumferenceForAgeByDay.ts';
import { heightForAgeByMonth2007 } from './tables/heightForAgeByMonth2007.ts';
import { lengthHeightForAgeByDay } from './tables/lengthHeightForAgeByDay.ts';
import { weightForAgeByDay } from './tables/weightForAgeByDay.ts';
import { weightForAgeByMonth2007 } from './tables/weightForAgeByMonth2007.ts';
import { weightForHeight } from './tables/weightForHeight.ts';
import { weightForLength } from './tables/weightForLength.ts';

/** Days in a month as WHO counts them: 365.25 / 12. */
export const DAYS_PER_MONTH = 30.4375;

/** Recumbent length below this age in days, standing height from it (the tables' `loh` column switches here). */
export const HEIGHT_FROM_DAYS = 731;

/** The WHO 2006 standards stop before 60 months, the WHO 2007 reference starts there (age in unrounded months). */
export const WHO2007_FROM_MONTHS = 60;

/**
 * Last age (months, inclusive) of the WHO 2007 weight-for-age and of height-for-age / BMI-for-age, as in anthroplus
 * 1.0.0 (the version the tables come from). anthroplus 1.1.0 moved them to "below 121" and "below 229", which is what
 * WHO's own 2007 macros did; the README of the data export and this module follow 1.0.0.
 */
export const WHO2007_WEIGHT_TO_MONTHS = 120;
export const WHO2007_HEIGHT_BMI_TO_MONTHS = 228;

/** Length below 87 cm, height from 87 cm: how WHO decides between the two when neither age nor position is known. */
export const LENGTH_BELOW_CM = 87;

/** Valid length for weight-for-length, valid height for weight-for-height (cm, inclusive). */
export const WEIGHT_FOR_LENGTH_CM = { from: 45, to: 110 } as const;
export const WEIGHT_FOR_HEIGHT_CM = { from: 65, to: 120 } as const;

/** Every table, loaded once into typed arrays. */
export const growthTables: {
  readonly weightForAge: LmsTable;
  readonly lengthHeightForAge: LmsTable;
  readonly weightForLength: LmsTable;
  readonly weightForHeight: LmsTable;
  readonly bmiForAge: LmsTable;
  readonly headCircumferenceForAge: LmsTable;
  readonly armCircumferenceForAge: LmsTable;
  readonly weightForAge2007: LmsTable;
  readonly heightForAge2007: LmsTable;
  readonly bmiForAge2007: LmsTable;
} = {
  weightForAge: lmsTable(weightForAgeByDay),
  lengthHeightForAge: lmsTable(lengthHeightForAgeByDay),
  weightForLength: lmsTable(weightForLength),
  weightForHeight: lmsTable(weightForHeight),
  bmiForAge: lmsTable(bmiForAgeByDay),
  headCircumferenceForAge: lmsTable(headCircumferenceForAgeByDay),
  armCircumferenceForAge: lmsTable(armCircumferenceForAgeByDay),
  weightForAge2007: lmsTable(weightForAgeByMonth2007),
  heightForAge2007: lmsTable(heightForAgeByMonth2007),
  bmiForAge2007: lmsTable(bmiForAgeByMonth2007),
};
