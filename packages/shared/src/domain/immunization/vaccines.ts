import { z } from 'zod';

/**
 * How sure we are of a catalogue entry, using the tags of the domain brief (docs/immunization.md, "Sources"):
 * `verified` [V] read in a cited source; `probable` [P] from a secondary summary, an older schedule or a cut-off
 * excerpt; `unverified` [U] background knowledge or our own assumption. Check [P] and [U] against the official text
 * (vbpl.vn, thuvienphapluat.vn, congbao) before a report depends on them.
 */
export const SourceVerification = z.enum(['verified', 'probable', 'unverified']);
export type SourceVerification = z.infer<typeof SourceVerification>;

/**
 * Diseases with mandatory vaccination in the Expanded Programme on Immunization (Tiêm chủng mở rộng, EPI).
 * Circular 10/2024/TT-BYT lists 11; nine are named in our sources. Rubella and rotavirus are only probably the other
 * two, and no rotavirus dose is in the schedule until its timing is confirmed.
 */
export const epiDiseaseCodes = [
  'hepatitis_b',
  'tuberculosis',
  'diphtheria',
  'pertussis',
  'tetanus',
  'polio',
  'hib',
  'measles',
  'japanese_encephalitis',
  'rubella',
  'rotavirus',
] as const;
export const EpiDiseaseCode = z.enum(epiDiseaseCodes);
export type EpiDiseaseCode = z.infer<typeof EpiDiseaseCode>;

export interface EpiDisease {
  code: EpiDiseaseCode;
  vi: string;
  en: string;
  verification: SourceVerification;
  note: string;
}

const listedInTt10 = 'DOMAIN.md §5 [V]: one of the 11 diseases of TT 10/2024/TT-BYT.';
const probablyInTt10 = 'DOMAIN.md §5 [U]: "probably" the 10th or 11th disease of TT 10/2024/TT-BYT.';

export const epiDiseases = [
  { code: 'hepatitis_b', vi: 'Viêm gan B', en: 'Hepatitis B', verification: 'verified', note: listedInTt10 },
  { code: 'tuberculosis', vi: 'Lao', en: 'Tuberculosis', verification: 'verified', note: listedInTt10 },
  { code: 'diphtheria', vi: 'Bạch hầu', en: 'Diphtheria', verification: 'verified', note: listedInTt10 },
  {
    code: 'pertussis',
    vi: 'Ho gà',
    en: 'Pertussis (whooping cough)',
    verification: 'verified',
    note: listedInTt10,
  },
  { code: 'tetanus', vi: 'Uốn ván', en: 'Tetanus', verification: 'verified', note: listedInTt10 },
  { code: 'polio', vi: 'Bại liệt', en: 'Poliomyelitis', verification: 'verified', note: listedInTt10 },
  {
    code: 'hib',
    vi: 'Bệnh do vi khuẩn Haemophilus influenzae týp b (Hib)',
    en: 'Haemophilus influenzae type b (Hib) disease',
    verification: 'verified',
    note: listedInTt10,
  },
  { code: 'measles', vi: 'Sởi', en: 'Measles', verification: 'verified', note: listedInTt10 },
  {
    code: 'japanese_encephalitis',
    vi: 'Viêm não Nhật Bản',
    en: 'Japanese encephalitis',
    verification: 'verified',
    note: listedInTt10,
  },
  { code: 'rubella', vi: 'Rubella', en: 'Rubella', verification: 'unverified', note: probablyInTt10 },
  {
    code: 'rotavirus',
    vi: 'Tiêu chảy do vi rút Rota',
    en: 'Rotavirus diarrhoea',
    verification: 'unverified',
    note: `${probablyInTt10} No dose is scheduled: its ages are not in our sources.`,
  },
] as const satisfies readonly EpiDisease[];

/**
 * Vaccines by antigen, as a health worker records them. A code names what was given, so the 18-month DTP booster
 * (`dpt_booster`) is not a 4th dose of the 5-in-1 (`dpt_hepb_hib`), and measles-rubella (`mr`) is not a 2nd `measles`.
 */
export const vaccineCodes = [
  'hepb_birth',
  'bcg',
  'dpt_hepb_hib',
  'opv',
  'ipv',
  'measles',
  'mr',
  'dpt_booster',
  'je',
  'td',
] as const;
export const VaccineCode = z.enum(vaccineCodes);
export type VaccineCode = z.infer<typeof VaccineCode>;

export interface Vaccine {
  code: VaccineCode;
  vi: string;
  en: string;
  diseases: readonly EpiDiseaseCode[];
}

export const vaccines = [
  {
    code: 'hepb_birth',
    vi: 'Vắc xin viêm gan B đơn giá liều sơ sinh',
    en: 'Monovalent hepatitis B vaccine, birth dose',
    diseases: ['hepatitis_b'],
  },
  {
    code: 'bcg',
    vi: 'Vắc xin BCG (phòng lao)',
    en: 'BCG vaccine (tuberculosis)',
    diseases: ['tuberculosis'],
  },
  {
    code: 'dpt_hepb_hib',
    vi: 'Vắc xin phối hợp bạch hầu – ho gà – uốn ván – viêm gan B – Hib (5 trong 1)',
    en: 'Combined DTP–hepatitis B–Hib vaccine (5-in-1)',
    diseases: ['diphtheria', 'pertussis', 'tetanus', 'hepatitis_b', 'hib'],
  },
  { code: 'opv', vi: 'Vắc xin bại liệt uống (OPV)', en: 'Oral polio vaccine (OPV)', diseases: ['polio'] },
  {
    code: 'ipv',
    vi: 'Vắc xin bại liệt tiêm (IPV)',
    en: 'Inactivated polio vaccine (IPV)',
    diseases: ['polio'],
  },
  { code: 'measles', vi: 'Vắc xin sởi', en: 'Measles vaccine', diseases: ['measles'] },
  {
    code: 'mr',
    vi: 'Vắc xin sởi – rubella (MR)',
    en: 'Measles–rubella vaccine (MR)',
    diseases: ['measles', 'rubella'],
  },
  {
    code: 'dpt_booster',
    vi: 'Vắc xin bạch hầu – ho gà – uốn ván (DPT) tiêm nhắc',
    en: 'DTP booster',
    diseases: ['diphtheria', 'pertussis', 'tetanus'],
  },
  {
    code: 'je',
    vi: 'Vắc xin viêm não Nhật Bản',
    en: 'Japanese encephalitis vaccine',
    diseases: ['japanese_encephalitis'],
  },
  {
    code: 'td',
    vi: 'Vắc xin uốn ván – bạch hầu giảm liều (Td)',
    en: 'Tetanus–diphtheria, reduced dose (Td)',
    diseases: ['tetanus', 'diphtheria'],
  },
] as const satisfies readonly Vaccine[];

export function findVaccine(code: string): Vaccine | undefined {
  return (vaccines as readonly Vaccine[]).find((v) => v.code === code);
}
