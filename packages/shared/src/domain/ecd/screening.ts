import { z } from 'zod';

export const screeningToolCodes = ['checklist', 'asq3', 'denver_ii', 'other'] as const;
export const ScreeningToolCode = z.enum(screeningToolCodes);
export type ScreeningToolCode = z.infer<typeof ScreeningToolCode>;

/** `checklist` is ours (`developmentMilestones`); ASQ-3 and Denver II are scored on their own forms. */
export const screeningTools = [
  { code: 'checklist', vi: 'Bảng kiểm mốc phát triển (có sẵn)', en: 'Milestone checklist (built in)' },
  {
    code: 'asq3',
    vi: 'Bộ câu hỏi theo tuổi và giai đoạn (ASQ-3)',
    en: 'Ages and Stages Questionnaires, third edition (ASQ-3)',
  },
  { code: 'denver_ii', vi: 'Test Denver II', en: 'Denver II developmental screening test' },
  { code: 'other', vi: 'Công cụ khác', en: 'Other tool' },
] as const satisfies readonly { code: ScreeningToolCode; vi: string; en: string }[];

/** `referred`: sent on for assessment (the worker's decision, after `needs_follow_up` or a tool's cut-off). */
export const screeningResultCodes = ['on_track', 'needs_follow_up', 'referred'] as const;
export const ScreeningResult = z.enum(screeningResultCodes);
export type ScreeningResult = z.infer<typeof ScreeningResult>;

export const screeningResults = [
  { code: 'on_track', vi: 'Phát triển phù hợp với lứa tuổi', en: 'On track for age' },
  { code: 'needs_follow_up', vi: 'Cần theo dõi thêm', en: 'Needs follow-up' },
  { code: 'referred', vi: 'Đã chuyển tuyến', en: 'Referred' },
] as const satisfies readonly { code: ScreeningResult; vi: string; en: string }[];

/** What the built-in checklist alone can conclude: referring is a person's decision. */
export const ChecklistScreeningResult = ScreeningResult.extract(['on_track', 'needs_follow_up']);
export type ChecklistScreeningResult = z.infer<typeof ChecklistScreeningResult>;

export const milestoneDomainCodes = [
  'gross_motor',
  'fine_motor',
  'language',
  'social_emotional',
  'cognitive',
] as const;
export const MilestoneDomain = z.enum(milestoneDomainCodes);
export type MilestoneDomain = z.infer<typeof MilestoneDomain>;

export const milestoneDomains = [
  { code: 'gross_motor', vi: 'Vận động thô', en: 'Gross motor' },
  { code: 'fine_motor', vi: 'Vận động tinh', en: 'Fine motor' },
  { code: 'language', vi: 'Ngôn ngữ, giao tiếp', en: 'Language and communication' },
  { code: 'social_emotional', vi: 'Tình cảm – xã hội', en: 'Social and emotional' },
  { code: 'cognitive', vi: 'Nhận thức', en: 'Cognitive' },
] as const satisfies readonly { code: MilestoneDomain; vi: string; en: string }[];

/** The ages (in completed months) with a checklist: the CDC checklist ages without 15 and 30 months. */
export const screeningBands = [2, 4, 6, 9, 12, 18, 24, 36, 48, 60] as const;
export const ScreeningBandMonths = z.literal(screeningBands);
export type ScreeningBandMonths = z.infer<typeof ScreeningBandMonths>;

/** The checklist of the 60-month band serves until the 6th birthday; older children need another tool. */
export const SCREENING_CHECKLIST_UPPER_AGE_MONTHS = 72;

/** The CDC checklist section of a milestone: CDC has one "movement/physical" section for both motor domains. */
export type CdcMilestoneSection =
  'social_emotional' | 'language_communication' | 'cognitive' | 'movement_physical';

export interface DevelopmentMilestone {
  code: string;
  bandMonths: ScreeningBandMonths;
  domain: MilestoneDomain;
  cdcSection: CdcMilestoneSection;
  vi: string;
  en: string;
}

/**
 * A short milestone checklist for community screening, by age band. Source: CDC "Learn the Signs. Act Early."
 * milestone checklists, revised February 2022 (Zubler et al., "Evidence-Informed Milestones for Developmental
 * Surveillance Tools", Pediatrics 2022;149(3):e2021052138): each milestone is one that at least 75% of children
 * reach by that age. We kept 6–7 milestones per band, at least one in every CDC section; CDC's "movement/physical"
 * section is split into gross and fine motor (and "reaches to grab a toy", a CDC cognitive item, counted as fine
 * motor), which `cdcSection` keeps traceable. The English is CDC's wording shortened; the Vietnamese is our
 * translation [U], not an official version: have it reviewed by a paediatric or ECD professional before use.
 * CDC itself presents the checklists as prompts for a conversation and for formal screening, not as a screening
 * instrument: `needs_follow_up` means "look closer", never a diagnosis.
 */
export const developmentMilestones = [
  // 2 months
  {
    code: 'm02_calms_when_held',
    bandMonths: 2,
    domain: 'social_emotional',
    cdcSection: 'social_emotional',
    en: 'Calms down when spoken to or picked up',
    vi: 'Dịu lại khi được nói chuyện cùng hoặc được bế lên',
  },
  {
    code: 'm02_smiles_back',
    bandMonths: 2,
    domain: 'social_emotional',
    cdcSection: 'social_emotional',
    en: 'Smiles when you talk to or smile at them',
    vi: 'Mỉm cười khi người lớn nói chuyện hoặc cười với trẻ',
  },
  {
    code: 'm02_makes_sounds',
    bandMonths: 2,
    domain: 'language',
    cdcSection: 'language_communication',
    en: 'Makes sounds other than crying',
    vi: 'Phát ra âm thanh khác ngoài tiếng khóc',
  },
  {
    code: 'm02_reacts_to_loud_sounds',
    bandMonths: 2,
    domain: 'language',
    cdcSection: 'language_communication',
    en: 'Reacts to loud sounds',
    vi: 'Có phản ứng với tiếng động lớn',
  },
  {
    code: 'm02_watches_you_move',
    bandMonths: 2,
    domain: 'cognitive',
    cdcSection: 'cognitive',
    en: 'Watches you as you move',
    vi: 'Nhìn theo khi người lớn di chuyển',
  },
  {
    code: 'm02_holds_head_up_on_tummy',
    bandMonths: 2,
    domain: 'gross_motor',
    cdcSection: 'movement_physical',
    en: 'Holds head up when on tummy',
    vi: 'Ngẩng được đầu khi nằm sấp',
  },
  {
    code: 'm02_opens_hands',
    bandMonths: 2,
    domain: 'fine_motor',
    cdcSection: 'movement_physical',
    en: 'Opens hands briefly',
    vi: 'Có lúc xòe bàn tay ra',
  },
  // 4 months
  {
    code: 'm04_smiles_for_attention',
    bandMonths: 4,
    domain: 'social_emotional',
    cdcSection: 'social_emotional',
    en: 'Smiles on their own to get your attention',
    vi: 'Tự mỉm cười để thu hút sự chú ý của người lớn',
  },
  {
    code: 'm04_coos',
    bandMonths: 4,
    domain: 'language',
    cdcSection: 'language_communication',
    en: 'Makes cooing sounds like “oooo” or “aahh”',
    vi: 'Phát ra tiếng ê a như “ô ô”, “a a”',
  },
  {
    code: 'm04_turns_to_voice',
    bandMonths: 4,
    domain: 'language',
    cdcSection: 'language_communication',
    en: 'Turns head towards the sound of your voice',
    vi: 'Quay đầu về phía có tiếng nói của người lớn',
  },
  {
    code: 'm04_looks_at_hands',
    bandMonths: 4,
    domain: 'cognitive',
    cdcSection: 'cognitive',
    en: 'Looks at their hands with interest',
    vi: 'Thích thú nhìn bàn tay của mình',
  },
  {
    code: 'm04_holds_head_steady',
    bandMonths: 4,
    domain: 'gross_motor',
    cdcSection: 'movement_physical',
    en: 'Holds head steady without support when you are holding them',
    vi: 'Giữ vững đầu không cần đỡ khi được bế',
  },
  {
    code: 'm04_holds_toy',
    bandMonths: 4,
    domain: 'fine_motor',
    cdcSection: 'movement_physical',
    en: 'Holds a toy when you put it in their hand',
    vi: 'Cầm được đồ chơi khi được đặt vào tay',
  },
  // 6 months
  {
    code: 'm06_knows_familiar_people',
    bandMonths: 6,
    domain: 'social_emotional',
    cdcSection: 'social_emotional',
    en: 'Knows familiar people',
    vi: 'Nhận ra người quen',
  },
  {
    code: 'm06_laughs',
    bandMonths: 6,
    domain: 'social_emotional',
    cdcSection: 'social_emotional',
    en: 'Laughs',
    vi: 'Cười thành tiếng',
  },
  {
    code: 'm06_takes_turns_making_sounds',
    bandMonths: 6,
    domain: 'language',
    cdcSection: 'language_communication',
    en: 'Takes turns making sounds with you',
    vi: 'Phát ra âm thanh đáp lại, thay phiên với người lớn',
  },
  {
    code: 'm06_mouths_objects',
    bandMonths: 6,
    domain: 'cognitive',
    cdcSection: 'cognitive',
    en: 'Puts things in their mouth to explore them',
    vi: 'Đưa đồ vật vào miệng để khám phá',
  },
  {
    code: 'm06_reaches_for_toy',
    bandMonths: 6,
    domain: 'fine_motor',
    cdcSection: 'cognitive',
    en: 'Reaches to grab a toy they want',
    vi: 'Với tay để lấy đồ chơi mình muốn',
  },
  {
    code: 'm06_rolls_tummy_to_back',
    bandMonths: 6,
    domain: 'gross_motor',
    cdcSection: 'movement_physical',
    en: 'Rolls from tummy to back',
    vi: 'Lật được từ sấp sang ngửa',
  },
  {
    code: 'm06_leans_on_hands_sitting',
    bandMonths: 6,
    domain: 'gross_motor',
    cdcSection: 'movement_physical',
    en: 'Leans on hands to support themself when sitting',
    vi: 'Chống hai tay để đỡ người khi ngồi',
  },
  // 9 months
  {
    code: 'm09_wary_of_strangers',
    bandMonths: 9,
    domain: 'social_emotional',
    cdcSection: 'social_emotional',
    en: 'Is shy, clingy or fearful around strangers',
    vi: 'Rụt rè, bám người thân hoặc sợ khi gặp người lạ',
  },
  {
    code: 'm09_looks_when_named',
    bandMonths: 9,
    domain: 'social_emotional',
    cdcSection: 'social_emotional',
    en: 'Looks when you call their name',
    vi: 'Quay lại nhìn khi được gọi tên',
  },
  {
    code: 'm09_babbles',
    bandMonths: 9,
    domain: 'language',
    cdcSection: 'language_communication',
    en: 'Makes different sounds like “mamamama” and “babababa”',
    vi: 'Bập bẹ các âm như “ma ma ma”, “ba ba ba”',
  },
  {
    code: 'm09_lifts_arms_to_be_picked_up',
    bandMonths: 9,
    domain: 'language',
    cdcSection: 'language_communication',
    en: 'Lifts arms up to be picked up',
    vi: 'Giơ hai tay đòi bế',
  },
  {
    code: 'm09_looks_for_dropped_objects',
    bandMonths: 9,
    domain: 'cognitive',
    cdcSection: 'cognitive',
    en: 'Looks for objects when dropped out of sight',
    vi: 'Tìm đồ vật khi đồ vật rơi khỏi tầm nhìn',
  },
  {
    code: 'm09_sits_without_support',
    bandMonths: 9,
    domain: 'gross_motor',
    cdcSection: 'movement_physical',
    en: 'Sits without support',
    vi: 'Ngồi vững không cần đỡ',
  },
  {
    code: 'm09_passes_between_hands',
    bandMonths: 9,
    domain: 'fine_motor',
    cdcSection: 'movement_physical',
    en: 'Moves things from one hand to the other',
    vi: 'Chuyển đồ vật từ tay này sang tay kia',
  },
  // 12 months
  {
    code: 'm12_plays_games',
    bandMonths: 12,
    domain: 'social_emotional',
    cdcSection: 'social_emotional',
    en: 'Plays games with you, like pat-a-cake',
    vi: 'Chơi trò chơi cùng người lớn, như vỗ tay theo bài hát',
  },
  {
    code: 'm12_waves_bye',
    bandMonths: 12,
    domain: 'language',
    cdcSection: 'language_communication',
    en: 'Waves “bye-bye”',
    vi: 'Vẫy tay chào tạm biệt',
  },
  {
    code: 'm12_calls_parent',
    bandMonths: 12,
    domain: 'language',
    cdcSection: 'language_communication',
    en: 'Calls a parent “mama”, “dada” or another special name',
    vi: 'Gọi “mẹ”, “bố” hoặc một tiếng riêng để gọi cha mẹ',
  },
  {
    code: 'm12_looks_for_hidden_things',
    bandMonths: 12,
    domain: 'cognitive',
    cdcSection: 'cognitive',
    en: 'Looks for things they see you hide, like a toy under a blanket',
    vi: 'Tìm đồ vật vừa thấy người lớn giấu đi, như đồ chơi dưới tấm chăn',
  },
  {
    code: 'm12_pulls_to_stand',
    bandMonths: 12,
    domain: 'gross_motor',
    cdcSection: 'movement_physical',
    en: 'Pulls up to stand',
    vi: 'Vịn vào đồ vật để đứng lên',
  },
  {
    code: 'm12_pincer_grasp',
    bandMonths: 12,
    domain: 'fine_motor',
    cdcSection: 'movement_physical',
    en: 'Picks things up between thumb and pointer finger, like small bits of food',
    vi: 'Nhặt vật nhỏ bằng ngón cái và ngón trỏ, như mẩu thức ăn nhỏ',
  },
  // 18 months
  {
    code: 'm18_points_to_show',
    bandMonths: 18,
    domain: 'social_emotional',
    cdcSection: 'social_emotional',
    en: 'Points to show you something interesting',
    vi: 'Chỉ tay cho người lớn xem điều gì đó thú vị',
  },
  {
    code: 'm18_says_three_words',
    bandMonths: 18,
    domain: 'language',
    cdcSection: 'language_communication',
    en: 'Tries to say three or more words besides “mama” or “dada”',
    vi: 'Cố nói ba từ trở lên ngoài “mẹ”, “bố”',
  },
  {
    code: 'm18_follows_one_step_direction',
    bandMonths: 18,
    domain: 'language',
    cdcSection: 'language_communication',
    en: 'Follows one-step directions without gestures, like giving you a toy when you say “Give it to me”',
    vi: 'Làm theo lời đề nghị một bước mà không cần ra hiệu, như đưa đồ chơi khi được bảo “Đưa cho mẹ”',
  },
  {
    code: 'm18_copies_chores',
    bandMonths: 18,
    domain: 'cognitive',
    cdcSection: 'cognitive',
    en: 'Copies you doing chores, like sweeping with a broom',
    vi: 'Bắt chước người lớn làm việc nhà, như cầm chổi quét nhà',
  },
  {
    code: 'm18_walks_alone',
    bandMonths: 18,
    domain: 'gross_motor',
    cdcSection: 'movement_physical',
    en: 'Walks without holding on to anyone or anything',
    vi: 'Tự đi được mà không cần vịn vào ai hay vật gì',
  },
  {
    code: 'm18_scribbles',
    bandMonths: 18,
    domain: 'fine_motor',
    cdcSection: 'movement_physical',
    en: 'Scribbles',
    vi: 'Vẽ nguệch ngoạc',
  },
  // 24 months
  {
    code: 'm24_notices_others_upset',
    bandMonths: 24,
    domain: 'social_emotional',
    cdcSection: 'social_emotional',
    en: 'Notices when others are hurt or upset',
    vi: 'Nhận ra khi người khác bị đau hoặc buồn',
  },
  {
    code: 'm24_says_two_words_together',
    bandMonths: 24,
    domain: 'language',
    cdcSection: 'language_communication',
    en: 'Says at least two words together, like “more milk”',
    vi: 'Nói được ít nhất hai từ ghép với nhau, như “thêm sữa”',
  },
  {
    code: 'm24_points_to_body_parts',
    bandMonths: 24,
    domain: 'language',
    cdcSection: 'language_communication',
    en: 'Points to at least two body parts when you ask',
    vi: 'Chỉ được ít nhất hai bộ phận cơ thể khi được hỏi',
  },
  {
    code: 'm24_plays_with_several_toys',
    bandMonths: 24,
    domain: 'cognitive',
    cdcSection: 'cognitive',
    en: 'Plays with more than one toy at the same time, like putting toy food on a toy plate',
    vi: 'Chơi cùng lúc với nhiều đồ chơi, như đặt thức ăn đồ chơi lên đĩa đồ chơi',
  },
  {
    code: 'm24_kicks_ball',
    bandMonths: 24,
    domain: 'gross_motor',
    cdcSection: 'movement_physical',
    en: 'Kicks a ball',
    vi: 'Đá được quả bóng',
  },
  {
    code: 'm24_eats_with_spoon',
    bandMonths: 24,
    domain: 'fine_motor',
    cdcSection: 'movement_physical',
    en: 'Eats with a spoon',
    vi: 'Tự xúc ăn bằng thìa',
  },
  // 36 months
  {
    code: 'm36_joins_other_children',
    bandMonths: 36,
    domain: 'social_emotional',
    cdcSection: 'social_emotional',
    en: 'Notices other children and joins them to play',
    vi: 'Để ý đến trẻ khác và tham gia chơi cùng',
  },
  {
    code: 'm36_back_and_forth_conversation',
    bandMonths: 36,
    domain: 'language',
    cdcSection: 'language_communication',
    en: 'Talks with you in conversation using at least two back-and-forth exchanges',
    vi: 'Trò chuyện qua lại với người lớn được ít nhất hai lượt',
  },
  {
    code: 'm36_says_first_name',
    bandMonths: 36,
    domain: 'language',
    cdcSection: 'language_communication',
    en: 'Says their first name when asked',
    vi: 'Nói được tên mình khi được hỏi',
  },
  {
    code: 'm36_draws_circle',
    bandMonths: 36,
    domain: 'cognitive',
    cdcSection: 'cognitive',
    en: 'Draws a circle when you show them how',
    vi: 'Vẽ được hình tròn khi được làm mẫu',
  },
  {
    code: 'm36_avoids_hot_objects',
    bandMonths: 36,
    domain: 'cognitive',
    cdcSection: 'cognitive',
    en: 'Avoids touching hot objects, like a stove, when you warn them',
    vi: 'Tránh chạm vào đồ nóng, như bếp, khi được nhắc',
  },
  {
    code: 'm36_strings_items',
    bandMonths: 36,
    domain: 'fine_motor',
    cdcSection: 'movement_physical',
    en: 'Strings items together, like large beads',
    vi: 'Xâu được đồ vật vào dây, như hạt to',
  },
  // 48 months
  {
    code: 'm48_pretend_play',
    bandMonths: 48,
    domain: 'social_emotional',
    cdcSection: 'social_emotional',
    en: 'Pretends to be something else during play, like a teacher or a dog',
    vi: 'Đóng vai khi chơi, như làm cô giáo hay làm con chó',
  },
  {
    code: 'm48_comforts_others',
    bandMonths: 48,
    domain: 'social_emotional',
    cdcSection: 'social_emotional',
    en: 'Comforts others who are hurt or sad',
    vi: 'Dỗ dành người khác khi họ bị đau hoặc buồn',
  },
  {
    code: 'm48_four_word_sentences',
    bandMonths: 48,
    domain: 'language',
    cdcSection: 'language_communication',
    en: 'Says sentences with four or more words',
    vi: 'Nói được câu có từ bốn từ trở lên',
  },
  {
    code: 'm48_names_colours',
    bandMonths: 48,
    domain: 'cognitive',
    cdcSection: 'cognitive',
    en: 'Names a few colours of items',
    vi: 'Gọi đúng tên vài màu sắc của đồ vật',
  },
  {
    code: 'm48_catches_large_ball',
    bandMonths: 48,
    domain: 'gross_motor',
    cdcSection: 'movement_physical',
    en: 'Catches a large ball most of the time',
    vi: 'Bắt được quả bóng to hầu hết các lần',
  },
  {
    code: 'm48_holds_crayon_with_fingers',
    bandMonths: 48,
    domain: 'fine_motor',
    cdcSection: 'movement_physical',
    en: 'Holds a crayon or pencil between fingers and thumb (not a fist)',
    vi: 'Cầm bút màu hoặc bút chì bằng các đầu ngón tay (không nắm cả bàn tay)',
  },
  // 60 months
  {
    code: 'm60_follows_game_rules',
    bandMonths: 60,
    domain: 'social_emotional',
    cdcSection: 'social_emotional',
    en: 'Follows rules or takes turns when playing games with other children',
    vi: 'Tuân theo luật chơi hoặc chờ đến lượt khi chơi với trẻ khác',
  },
  {
    code: 'm60_tells_story',
    bandMonths: 60,
    domain: 'language',
    cdcSection: 'language_communication',
    en: 'Tells a story they heard or made up with at least two events',
    vi: 'Kể lại một câu chuyện đã nghe hoặc tự nghĩ ra, có ít nhất hai sự việc',
  },
  {
    code: 'm60_counts_to_ten',
    bandMonths: 60,
    domain: 'cognitive',
    cdcSection: 'cognitive',
    en: 'Counts to 10',
    vi: 'Đếm được đến 10',
  },
  {
    code: 'm60_uses_time_words',
    bandMonths: 60,
    domain: 'cognitive',
    cdcSection: 'cognitive',
    en: 'Uses words about time, like “yesterday”, “tomorrow”, “morning” or “night”',
    vi: 'Dùng các từ chỉ thời gian, như “hôm qua”, “ngày mai”, “buổi sáng”, “ban đêm”',
  },
  {
    code: 'm60_hops_on_one_foot',
    bandMonths: 60,
    domain: 'gross_motor',
    cdcSection: 'movement_physical',
    en: 'Hops on one foot',
    vi: 'Nhảy lò cò được bằng một chân',
  },
  {
    code: 'm60_buttons_some_buttons',
    bandMonths: 60,
    domain: 'fine_motor',
    cdcSection: 'movement_physical',
    en: 'Buttons some buttons',
    vi: 'Tự cài được vài chiếc cúc áo',
  },
] as const satisfies readonly DevelopmentMilestone[];

export function milestonesForBand(bandMonths: ScreeningBandMonths): readonly DevelopmentMilestone[] {
  return developmentMilestones.filter((m) => m.bandMonths === bandMonths);
}

/**
 * The checklist for a child of `ageInMonths` completed months (`completedMonthsOfAge`): the latest band the child
 * has reached, since its milestones are ones most children already show at that age. A child of 7 months is checked
 * against the 6-month band. Null under 2 months and from 72 months (6 years) on.
 */
export function screeningBandFor(ageInMonths: number): ScreeningBandMonths | null {
  if (!Number.isFinite(ageInMonths) || ageInMonths >= SCREENING_CHECKLIST_UPPER_AGE_MONTHS) return null;
  return screeningBands.filter((band) => band <= ageInMonths).at(-1) ?? null;
}

/** The answers of the CDC checklists: "Yes", "Not sure", "Not yet". */
export const MilestoneAnswer = z.enum(['yes', 'not_sure', 'not_yet']);
export type MilestoneAnswer = z.infer<typeof MilestoneAnswer>;

export const ChecklistAnswers = z.object({
  bandMonths: ScreeningBandMonths,
  /** By milestone code; a milestone left out is unanswered. */
  answers: z.record(z.string(), MilestoneAnswer),
});
export type ChecklistAnswers = z.infer<typeof ChecklistAnswers>;

/**
 * The milestones of the band not answered "yes": "not yet", "not sure" and unanswered alike, since a milestone
 * nobody has seen is one to look at again. Throws RangeError for a code that is not a milestone of the band: the
 * form and the band disagree, and no result should be drawn from it.
 */
export function milestonesNeedingFollowUp(checklist: ChecklistAnswers): readonly DevelopmentMilestone[] {
  const milestones = milestonesForBand(checklist.bandMonths);
  const codes = new Set(milestones.map((m) => m.code));
  for (const code of Object.keys(checklist.answers)) {
    if (!codes.has(code))
      throw new RangeError(`${code} is not a milestone of the ${checklist.bandMonths}-month band`);
  }
  return milestones.filter((m) => checklist.answers[m.code] !== 'yes');
}

/** `on_track` when every milestone of the band is answered "yes"; otherwise `needs_follow_up`. */
export function screeningResultFromChecklist(checklist: ChecklistAnswers): ChecklistScreeningResult {
  return milestonesNeedingFollowUp(checklist).length === 0 ? 'on_track' : 'needs_follow_up';
}
