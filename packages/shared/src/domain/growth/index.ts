export * from './types.ts';
export { growthAgeInDays, MID_MONTH_DAY, type BirthPrecision } from './age.ts';
export { growthZScores, adjustedLengthHeight, ageMonthsToDays } from './score.ts';
export { classifyGrowth, isMalnourished } from './classify.ts';
export {
  growthCurve,
  growthCharts,
  growthReferenceValue,
  chartSdLines,
  type GrowthChartKind,
  type GrowthCurvePoint,
} from './curves.ts';
export { DAYS_PER_MONTH, HEIGHT_FROM_DAYS, LENGTH_BELOW_CM } from './references.ts';
export { lmsZScore, restrictedZScore, roundZ } from './zScore.ts';
export {
  scoreSurveyRow,
  surveyInputColumns,
  surveyScoreColumns,
  type SurveyRow,
  type SurveyRowError,
  type SurveyScoreColumn,
  type SurveyScores,
} from './survey.ts';
