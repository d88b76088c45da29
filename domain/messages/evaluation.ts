import type { CatalogueSection } from './catalogue';

/**
 * Messages of the year-end evaluation (O7): target names, explanation lines of a rating proposal, criticism
 * reasons, refusals of a rating confirmation, and the headings of the province's year-end summary.
 */
export const evaluationMessages = {
  'evaluation.target.households': { vi: 'Hộ nghèo được giúp đỡ', en: 'Poor households helped' },
  'evaluation.target.amount': { vi: 'Kinh phí hỗ trợ', en: 'Support funding' },
  'evaluation.target.models': {
    vi: 'Mô hình xây dựng hoặc nhân rộng',
    en: 'Models built or replicated',
  },
  'evaluation.target.studyTours': { vi: 'Chuyến tham quan học tập', en: 'Study tours' },
  'evaluation.target.obligations': { vi: 'Nghĩa vụ đúng hạn', en: 'Obligations on time' },

  'evaluation.line.target': {
    vi: '{targetVi}: đạt {achievedVi}/{requiredVi} ({percentVi}%) — {metVi}',
    en: '{targetEn}: {achievedEn} of {requiredEn} ({percentEn}%) — {metEn}',
  },
  'evaluation.line.targetRecipient': {
    vi: '{targetVi} tại {recipient}: đạt {achievedVi}/{requiredVi} ({percentVi}%) — {metVi}',
    en: '{targetEn} in {recipient}: {achievedEn} of {requiredEn} ({percentEn}%) — {metEn}',
  },
  'evaluation.line.obligation': {
    vi: 'Cặp {pairCode}, {obligation} ({obligationVi}): {statusVi}',
    en: 'Pair {pairCode}, {obligation} ({obligationEn}): {statusEn}',
  },
  'evaluation.line.score': {
    vi: 'Điểm tổng hợp {scoreVi}/100 → đề xuất «{levelVi}».',
    en: 'Overall score {scoreEn}/100 → proposed "{levelEn}".',
  },
  'evaluation.line.allMet': {
    vi: 'Đạt tất cả chỉ tiêu và nghĩa vụ.',
    en: 'Every target and obligation met.',
  },
  'evaluation.line.exceeded': {
    vi: 'Vượt tất cả chỉ tiêu từ {margin}% trở lên.',
    en: 'Every target exceeded by {margin}% or more.',
  },
  'evaluation.line.positiveFactors': {
    vi: 'Nhân tố tích cực do Ban Dân tộc ghi nhận: {text}',
    en: 'Positive factors recorded by the ethnic-affairs committee: {text}',
  },
  'evaluation.line.capped': {
    vi: 'Đơn vị bị kiểm điểm nên mức đề xuất không cao hơn «{levelVi}».',
    en: 'The unit is criticised, so the proposal is capped at "{levelEn}".',
  },
  'evaluation.line.missingStaff': {
    vi: 'Chưa có số biên chế của đơn vị: chỉ tiêu hộ nghèo không tính được, không đưa vào điểm.',
    en: "The unit's staff count is missing: the households target cannot be set and is left out of the score.",
  },
  'evaluation.line.staffFromYear': {
    vi: 'Chưa có số biên chế năm {year}; dùng số của năm {used} ({staff} người).',
    en: 'No staff count for {year}; the count of {used} is used ({staff} staff).',
  },
  'evaluation.line.ignoredCorrection': {
    vi: 'Mục tiến độ {entry} sửa một mục của người khác; không thay thế mục đó.',
    en: "Progress entry {entry} corrects another person's entry; it does not supersede it.",
  },
  'evaluation.line.reward': { vi: 'Đề nghị khen thưởng.', en: 'Proposed for reward.' },
  'evaluation.met.yes': { vi: 'đạt', en: 'met' },
  'evaluation.met.no': { vi: 'chưa đạt', en: 'not met' },

  'evaluation.criticised': {
    vi: 'kiểm điểm, phê bình; không xét thi đua',
    en: 'criticised; not considered for emulation awards',
  },
  'evaluation.criticism.noSignedProgramme': {
    vi: 'Cặp {pairCode}: không ký kết chương trình/kế hoạch kết nghĩa.',
    en: 'Pair {pairCode}: no signed twinning programme or plan.',
  },
  'evaluation.criticism.signedNothingDone': {
    vi: 'Cặp {pairCode}: đã ký kết nhưng không triển khai thực hiện (không có kết quả đo được nào của đơn vị).',
    en: 'Pair {pairCode}: signed but nothing carried out (no measurable result of its own).',
  },
  'evaluation.criticism.recipientNothingDone': {
    vi: 'Cặp {pairCode}: đã ký kết nhưng đơn vị không gửi kế hoạch triển khai và tổ công tác ({obligation}).',
    en: 'Pair {pairCode}: signed but the unit never sent its implementation plan and working group ({obligation}).',
  },
  'evaluation.criticism.noReport': {
    vi: 'Cặp {pairCode}: không gửi báo cáo cuối năm ({obligation}).',
    en: 'Pair {pairCode}: no year-end report ({obligation}).',
  },

  'evaluation.confirm.unknownLevel': {
    vi: 'Mức xếp loại «{rating}» không có trong thang đánh giá năm nay ({levels}).',
    en: 'The rating "{rating}" is not a level of this year\'s scale ({levels}).',
  },
  'evaluation.confirm.reasonRequired': {
    vi: 'Xếp loại «{finalVi}» khác với đề xuất «{proposedVi}»: phải ghi lý do.',
    en: 'The rating "{finalEn}" differs from the proposal "{proposedEn}": a reason is required.',
  },
  'evaluation.confirm.reasonTooLong': {
    vi: 'Lý do dài quá {max} ký tự.',
    en: 'The reason is longer than {max} characters.',
  },
  'evaluation.confirm.decisionTooLong': {
    vi: 'Số quyết định dài quá {max} ký tự.',
    en: 'The decision number is longer than {max} characters.',
  },
  'evaluation.confirm.noProposal': {
    vi: 'Chưa có đề xuất xếp loại cho {sideVi} của chu kỳ {workflowId}.',
    en: 'There is no rating proposal for the {sideEn} of cycle {workflowId}.',
  },
  'evaluation.proposalNotReady': {
    vi: 'Đề xuất xếp loại chưa sẵn sàng, vui lòng thử lại sau ít phút.',
    en: 'The rating proposal is not ready yet; try again in a minute.',
  },
  'evaluation.factorsTooLong': {
    vi: 'Yếu tố tích cực quá dài (tối đa {max} ký tự).',
    en: 'The positive factors are too long ({max} characters at most).',
  },
  'evaluation.unit.alreadyConfirmed': {
    vi: 'Xếp loại năm {year} của đơn vị {unitCode} đã được xác nhận («{ratingVi}»); không thể ghi lại.',
    en: 'The {year} rating of unit {unitCode} is already confirmed ("{ratingEn}"); it cannot be recorded again.',
  },
  'evaluation.unit.notReady': {
    vi: 'Chưa có đề xuất xếp loại năm {year} của đơn vị {unitCode}: còn chờ các cặp {waitingFor} đến giai đoạn đánh giá.',
    en: 'There is no {year} rating proposal for unit {unitCode} yet: waiting for pairs {waitingFor} to reach evaluation.',
  },
  'evaluation.unit.nothingToRate': {
    vi: 'Đơn vị {unitCode} không có cặp kết nghĩa nào cần xếp loại năm {year}.',
    en: 'Unit {unitCode} has no pair to be rated in {year}.',
  },
  'evaluation.unit.unknown': {
    vi: 'Không có đơn vị «{unitCode}» trong danh mục.',
    en: 'There is no unit "{unitCode}" in the roster.',
  },
  'evaluation.unit.notStarted': {
    vi: 'Việc đánh giá năm {year} của đơn vị {unitCode} chưa bắt đầu: chưa có cặp nào của đơn vị đến giai đoạn đánh giá.',
    en: 'The {year} evaluation of unit {unitCode} has not started: none of its pairs has reached evaluation.',
  },
  'unit.phase.waiting': {
    vi: 'Đơn vị {unitCode}, năm {year}: đang chờ các cặp đến giai đoạn đánh giá.',
    en: 'Unit {unitCode}, {year}: waiting for its pairs to reach evaluation.',
  },
  'unit.phase.proposed': {
    vi: 'Đơn vị {unitCode}, năm {year}: đã có đề xuất, chờ Ban Dân tộc xác nhận.',
    en: 'Unit {unitCode}, {year}: proposed, waiting for the ethnic-affairs committee to confirm.',
  },
  'unit.phase.confirmed': {
    vi: 'Đơn vị {unitCode}, năm {year}: đã xác nhận xếp loại.',
    en: 'Unit {unitCode}, {year}: rating confirmed.',
  },
  'unit.phase.nothingToRate': {
    vi: 'Đơn vị {unitCode}, năm {year}: không có cặp nào cần xếp loại.',
    en: 'Unit {unitCode}, {year}: no pair to be rated.',
  },
  'unit.proposal': {
    vi: 'Đề xuất: {ratingVi} ({scoreVi} điểm).',
    en: 'Proposal: {ratingEn} ({scoreEn} points).',
  },
  'unit.waitingFor': { vi: 'Còn chờ các cặp: {pairs}.', en: 'Still waiting for pairs: {pairs}.' },
  'unit.final': {
    vi: 'Xếp loại chính thức: {ratingVi} (xác nhận bởi {actor}).',
    en: 'Final rating: {ratingEn} (confirmed by {actor}).',
  },
  'evaluation.unknownCycle': {
    vi: 'Không tìm thấy chu kỳ {workflowId}.',
    en: 'No cycle {workflowId}.',
  },
  'evaluation.invalidSettings': {
    vi: 'Cấu hình đánh giá năm {year} không hợp lệ: {problem}',
    en: 'The {year} evaluation settings are invalid: {problem}',
  },

  'evaluation.status.none': {
    vi: 'Năm {year} chưa có chu kỳ kết nghĩa nào.',
    en: 'No twinning cycle in {year}.',
  },
  'evaluation.status.heading': {
    vi: 'Đánh giá năm {year}: {proposed} đề xuất, {confirmed} đã xác nhận, {criticised} bị kiểm điểm.',
    en: 'Evaluation {year}: {proposed} proposed, {confirmed} confirmed, {criticised} criticised.',
  },
  'evaluation.report.written': { vi: 'Đã ghi báo cáo: {path}', en: 'Report written: {path}' },
  'evaluation.report.invalidFormat': {
    vi: 'Định dạng «{value}» không hợp lệ: dùng xlsx, csv, pdf hoặc html.',
    en: 'Invalid format "{value}": use xlsx, csv, pdf or html.',
  },
  'evaluation.report.noChromium': {
    vi: 'Không tìm thấy trình duyệt Chromium tại {path} để in PDF. Hãy cài: `sudo apt-get install chromium` (hoặc chạy `npm test` một lần), hoặc dùng --format html rồi in từ trình duyệt.',
    en: 'Chromium was not found at {path} to print the PDF. Install it: `sudo apt-get install chromium` (or run `npm test` once), or use --format html and print from a browser.',
  },
  'evaluation.report.noPlaywright': {
    vi: 'Thiếu gói playwright-core để in PDF: chạy `npm install`.',
    en: 'The playwright-core package is missing for PDF output: run `npm install`.',
  },
} as const satisfies CatalogueSection;
