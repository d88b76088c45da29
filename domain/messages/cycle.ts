import type { CatalogueSection } from './catalogue';

/**
 * Messages of the annual cycle: refusals of submissions and administrator actions, and invalid data. Params
 * that name a phase, an obligation, a side or a status come in two forms (`…Vi`, `…En`) so each language's
 * template picks its own word.
 */
export const cycleMessages = {
  'cycle.closed': {
    vi: 'Chu kỳ kết nghĩa của cặp {pairCode} năm {year} đã kết thúc; không thể thực hiện thao tác này.',
    en: 'The {year} twinning cycle of pair {pairCode} is closed; this action is not possible.',
  },
  'cycle.wrongPhase': {
    vi: 'Không thể {actionVi} trong giai đoạn «{phaseVi}».',
    en: 'Cannot {actionEn} during the "{phaseEn}" phase.',
  },
  'cycle.wrongSide': {
    vi: '{sideVi} không phải bên thực hiện «{obligationVi}» ({obligation}).',
    en: 'The {sideEn} is not the party that submits the {obligationEn} ({obligation}).',
  },
  'cycle.alreadyDone': {
    vi: 'Hồ sơ «{obligationVi}» ({obligation}) đã ở trạng thái «{statusVi}»; không thể nộp lại.',
    en: 'The {obligationEn} ({obligation}) is already "{statusEn}"; it cannot be submitted again.',
  },
  'cycle.alreadySigned': {
    vi: '{sideVi} đã ký chương trình kết nghĩa (O3).',
    en: 'The {sideEn} has already signed the twinning programme (O3).',
  },
  'cycle.notOwed': {
    vi: 'Không thể {actionVi}: «{obligationVi}» ({obligation}) đang ở trạng thái «{statusVi}».',
    en: 'Cannot {actionEn}: the {obligationEn} ({obligation}) is "{statusEn}".',
  },
  'cycle.endPeriod.alreadyEnds': {
    vi: 'Thời hạn kết nghĩa của cặp đã kết thúc vào ngày {lastDay}, không muộn hơn ngày {requested}; không thể lùi lại.',
    en: "The pair's period already ends on {lastDay}, no later than {requested}; it cannot be pushed back.",
  },
  'cycle.unitAlreadyRated': {
    vi: 'Xếp loại của {sideVi} đã được ghi nhận cho chu kỳ này.',
    en: 'The rating of the {sideEn} is already recorded for this cycle.',
  },
  'cycle.ratedPerUnit': {
    vi: 'Chu kỳ này không xếp loại theo cặp: mỗi đơn vị được xếp loại một lần trong năm, trên trang của đơn vị hoặc bằng lệnh «twinning unit rate».',
    en: "This cycle is not rated per pair: each unit is rated once a year, on the unit's page or with `twinning unit rate`.",
  },
  'commands.done.extended': {
    vi: 'Đã gia hạn — cặp {pair} năm {year}, giai đoạn «{phaseVi}».',
    en: 'Extended — pair {pair}, {year}, phase "{phaseEn}".',
  },
  'commands.done.waived': {
    vi: 'Đã miễn — cặp {pair} năm {year}, giai đoạn «{phaseVi}».',
    en: 'Waived — pair {pair}, {year}, phase "{phaseEn}".',
  },
  'commands.done.resent': {
    vi: 'Đã gửi lại nhắc nhở — cặp {pair} năm {year}, giai đoạn «{phaseVi}».',
    en: 'Reminder resent — pair {pair}, {year}, phase "{phaseEn}".',
  },
  'commands.done.dissolved': {
    vi: 'Đã giải thể — cặp {pair} năm {year}, giai đoạn «{phaseVi}».',
    en: 'Dissolved — pair {pair}, {year}, phase "{phaseEn}".',
  },
  'commands.done.repaired': {
    vi: 'Đã ghép lại — cặp {pair} năm {year}, giai đoạn «{phaseVi}».',
    en: 'Re-paired — pair {pair}, {year}, phase "{phaseEn}".',
  },
  'commands.done.periodEnd': {
    vi: 'Đã ghi ngày kết thúc thời hạn — cặp {pair} năm {year}, giai đoạn «{phaseVi}».',
    en: 'Period end recorded — pair {pair}, {year}, phase "{phaseEn}".',
  },
  'commands.notRunning': {
    vi: 'Cặp «{pairCode}» không có chu kỳ nào năm {year}.',
    en: 'Pair "{pairCode}" has no cycle in {year}.',
  },
  'commands.refused': {
    vi: 'Yêu cầu bị từ chối: {reason}',
    en: 'The request was refused: {reason}',
  },
  'commands.successorUnknown': {
    vi: 'Cặp kế tiếp «{code}» không có trong danh mục; hãy nhập cặp đó trước.',
    en: 'The successor pair "{code}" is not in the roster; import it first.',
  },
  'cycle.extend.beforeCurrent': {
    vi: 'Hạn mới ({newDate}) không được sớm hơn hạn hiện tại ({current}).',
    en: 'The new deadline ({newDate}) cannot be earlier than the current one ({current}).',
  },
  'cycle.invalid.commune': {
    vi: 'Xã «{code}» không thuộc cặp kết nghĩa này (các xã của cặp: {communes}).',
    en: 'The commune "{code}" is not covered by this pair (its communes: {communes}).',
  },
  'cycle.extend.notInFuture': {
    vi: 'Hạn mới ({newDate}) phải sau thời điểm hiện tại.',
    en: 'The new deadline ({newDate}) must be in the future.',
  },
  'cycle.invalid.required': {
    vi: 'Thiếu trường bắt buộc «{field}».',
    en: 'The required field "{field}" is missing.',
  },
  'cycle.invalid.type': {
    vi: 'Trường «{field}» có kiểu dữ liệu không hợp lệ.',
    en: 'The field "{field}" has the wrong type.',
  },
  'cycle.invalid.tooLong': {
    vi: 'Trường «{field}» dài quá {max} ký tự.',
    en: 'The field "{field}" is longer than {max} characters.',
  },
  'cycle.invalid.nul': {
    vi: 'Trường «{field}» có ký tự NUL (mã 0), không lưu được; hãy xóa ký tự đó.',
    en: 'The field "{field}" holds a NUL character (code 0), which cannot be stored; remove it.',
  },
  'cycle.invalid.surrogate': {
    vi: 'Trường «{field}» có một nửa ký tự Unicode đứng riêng (\\ud800–\\udfff), không lưu đúng được; hãy viết lại ký tự đó.',
    en: 'The field "{field}" holds half of a Unicode character on its own (\\ud800–\\udfff), which cannot be stored as written; write that character again.',
  },
  'cycle.invalid.empty': {
    vi: 'Trường «{field}» không được để trống.',
    en: 'The field "{field}" must not be empty.',
  },
  'cycle.invalid.date': {
    vi: 'Trường «{field}» phải là một ngày có thật theo dạng yyyy-mm-dd.',
    en: 'The field "{field}" must be a real date written yyyy-mm-dd.',
  },
  'cycle.invalid.nonNegativeInteger': {
    vi: 'Trường «{field}» phải là số nguyên không âm.',
    en: 'The field "{field}" must be a non-negative whole number.',
  },
  'cycle.invalid.amountDong': {
    vi: 'Trường «{field}» phải là số tiền nguyên (đồng), không âm, không có phần thập phân, tối đa 1.000.000.000.000.000 đồng.',
    en: 'The field "{field}" must be a whole, non-negative amount of đồng, without decimals, at most 1,000,000,000,000,000 VND.',
  },
  'cycle.invalid.choice': {
    vi: 'Giá trị của trường «{field}» không nằm trong danh sách cho phép.',
    en: 'The value of the field "{field}" is not one of the allowed values.',
  },
  'cycle.invalid.unknownField': {
    vi: 'Trường «{field}» không được chấp nhận.',
    en: 'The field "{field}" is not accepted.',
  },
  'cycle.invalid.tooMany': {
    vi: 'Trường «{field}» có quá {max} mục.',
    en: 'The field "{field}" has more than {max} items.',
  },
  'cycle.invalid.value': {
    vi: 'Giá trị của trường «{field}» không hợp lệ.',
    en: 'The value of the field "{field}" is invalid.',
  },
} as const satisfies CatalogueSection;

/** Vietnamese and English names of the obligations, phases, sides, statuses and actions used as params. */
export const cycleVocabulary = {
  obligation: {
    O1: { vi: 'kế hoạch triển khai', en: 'implementation plan' },
    O2: { vi: 'đề xuất nhu cầu', en: 'needs proposal' },
    O3: { vi: 'chương trình kết nghĩa đã ký', en: 'signed twinning programme' },
    O4: { vi: 'cập nhật tiến độ', en: 'progress entries' },
    O5: { vi: 'báo cáo sơ kết của đơn vị giúp đỡ', en: "sponsor's year-end report" },
    O6: { vi: 'báo cáo kết quả của đơn vị được giúp đỡ', en: "recipient's year-end report" },
    O7: { vi: 'đánh giá, xếp loại', en: 'evaluation and rating' },
  },
  phase: {
    needsProposal: { vi: 'Đề xuất nhu cầu', en: 'needs proposal' },
    agreement: { vi: 'Ký kết', en: 'agreement' },
    implementation: { vi: 'Triển khai thực hiện', en: 'implementation' },
    yearEndReporting: { vi: 'Báo cáo cuối năm', en: 'year-end reporting' },
    evaluation: { vi: 'Đánh giá', en: 'evaluation' },
    closed: { vi: 'Đã kết thúc', en: 'closed' },
  },
  side: {
    sponsor: { vi: 'Đơn vị giúp đỡ', en: 'sponsor' },
    recipient: { vi: 'Đơn vị được giúp đỡ', en: 'recipient' },
  },
  status: {
    pending: { vi: 'đang chờ', en: 'pending' },
    submitted: { vi: 'đã nộp', en: 'submitted' },
    late: { vi: 'nộp muộn', en: 'late' },
    missed: { vi: 'quá hạn', en: 'missed' },
    waived: { vi: 'được miễn', en: 'waived' },
    notApplicable: { vi: 'không áp dụng', en: 'not applicable' },
  },
  action: {
    submit: { vi: 'nộp', en: 'submit' },
    progress: { vi: 'cập nhật tiến độ', en: 'enter progress' },
    extend: { vi: 'gia hạn', en: 'extend the deadline' },
    waive: { vi: 'miễn', en: 'waive' },
    resend: { vi: 'gửi lại nhắc nhở', en: 'resend the reminder' },
    dissolve: { vi: 'giải thể hoặc ghép lại cặp', en: 'dissolve or re-pair' },
    endPeriod: { vi: 'kết thúc thời hạn kết nghĩa', en: "end the pair's period" },
    unitRated: { vi: 'ghi nhận xếp loại đơn vị', en: "record a unit's rating" },
    rate: { vi: 'ghi nhận xếp loại', en: 'record the rating' },
  },
  /** The support categories of needs items and progress entries (domain/evaluation/progress.ts). */
  category: {
    SOCIO_ECONOMIC: {
      vi: 'Đầu tư phát triển kinh tế - xã hội',
      en: 'Investment in economic and social development',
    },
    POLITICAL_SYSTEM: { vi: 'Xây dựng hệ thống chính trị vững mạnh', en: 'A strong political system' },
    PROPAGANDA: { vi: 'Tuyên truyền, vận động nhân dân', en: 'Information and mobilisation of the people' },
    SOCIAL_SECURITY: { vi: 'An sinh xã hội', en: 'Social security' },
    OTHER: { vi: 'Khác', en: 'Other' },
  },
} as const satisfies Record<string, Record<string, { vi: string; en: string }>>;

/** Vietnamese and English names of the kinds of unit (domain/units.ts). */
export const unitVocabulary = {
  kind: {
    DEPARTMENT: { vi: 'Sở, ban, ngành', en: 'Provincial department' },
    LOWLAND_DISTRICT: { vi: 'Huyện đồng bằng', en: 'Lowland district' },
    LOWLAND_COMMUNE: { vi: 'Phường, xã đồng bằng', en: 'Lowland ward or commune' },
    MOUNTAIN_DISTRICT: { vi: 'Huyện miền núi', en: 'Mountain district' },
    COMMUNE: { vi: 'Xã miền núi', en: 'Mountain commune' },
  },
  border: { vi: 'xã biên giới', en: 'border commune' },
} as const;
