import type { CatalogueSection } from './catalogue';

/**
 * Texts of the administrator's actions in the dashboard (the pair page's forms, the unit page and its forms) and of
 * the unit page itself. The workflows' own accept and refuse messages live with the cycle and the evaluation.
 */
export const webAdminMessages = {
  'web.admin.heading': { vi: 'Thao tác của Ban Dân tộc', en: 'Administrator’s actions' },
  'web.admin.obligationChoice': {
    vi: '{obligation} {name} — {status}, hạn {due}',
    en: '{obligation} {name} — {status}, due {due}',
  },
  'web.admin.waiveForm': { vi: 'Miễn một nghĩa vụ', en: 'Waive an obligation' },
  'web.admin.resendForm': { vi: 'Gửi lại nhắc nhở của một nghĩa vụ', en: 'Resend an obligation’s reminder' },
  'web.admin.dissolveForm': {
    vi: 'Giải thể cặp ngay, hoặc ghép lại vào cặp kế tiếp',
    en: 'Dissolve the pair now, or re-pair it into a successor pair',
  },
  'web.admin.successor': {
    vi: 'Mã cặp kế tiếp (để trống nếu giải thể)',
    en: 'Successor pair code (empty to dissolve)',
  },
  'web.admin.endPeriodForm': {
    vi: 'Kết thúc thời hạn kết nghĩa vào một ngày (sáp nhập đơn vị)',
    en: 'End the pair’s period on a day (units merged)',
  },
  'web.admin.lastDay': { vi: 'Ngày cuối cùng của cặp (yyyy-mm-dd)', en: 'The pair’s last day (yyyy-mm-dd)' },
  'web.admin.successorOptional': { vi: 'Mã cặp kế tiếp (nếu có)', en: 'Successor pair code (if any)' },

  'web.unit.title': { vi: 'Đơn vị {code} — năm {year}', en: 'Unit {code} — {year}' },
  'web.unit.kind': { vi: 'Loại đơn vị', en: 'Kind of unit' },
  'web.unit.kind.DEPARTMENT': { vi: 'Sở, ban, ngành', en: 'Provincial department' },
  'web.unit.kind.LOWLAND_DISTRICT': { vi: 'Huyện, thị xã, thành phố đồng bằng', en: 'Lowland district' },
  'web.unit.kind.LOWLAND_COMMUNE': { vi: 'Phường, xã đồng bằng', en: 'Lowland ward or commune' },
  'web.unit.kind.MOUNTAIN_DISTRICT': { vi: 'Huyện miền núi', en: 'Mountain district' },
  'web.unit.kind.COMMUNE': { vi: 'Xã miền núi', en: 'Mountain commune' },
  'web.unit.border': { vi: 'Xã biên giới đất liền', en: 'Land-border commune' },
  'web.unit.parent': { vi: 'Trực thuộc', en: 'Part of' },
  'web.unit.pairs': { vi: 'Các cặp kết nghĩa', en: 'Twinning pairs' },
  'web.unit.pair': { vi: 'Cặp', en: 'Pair' },
  'web.unit.side': { vi: 'Vai trò của đơn vị', en: 'The unit’s side' },
  'web.unit.partner': { vi: 'Đơn vị kết nghĩa', en: 'Partner' },
  'web.unit.pairStatus': { vi: 'Tình trạng', en: 'Status' },
  'web.unit.phase': { vi: 'Giai đoạn năm {year}', en: 'Phase in {year}' },
  'web.unit.noCycle': { vi: 'Chưa có chu kỳ', en: 'No cycle' },
  'web.unit.rating': { vi: 'Đánh giá, xếp loại năm {year}', en: 'Evaluation and rating, {year}' },
  'web.unit.noRating': {
    vi: 'Chưa có đề xuất xếp loại năm {year}: các cặp của đơn vị chưa đến giai đoạn đánh giá, hoặc chưa hết hạn báo cáo.',
    en: 'No {year} rating proposal yet: the unit’s pairs have not reached evaluation, or their reporting deadlines have not passed.',
  },
  'web.unit.proposedAt': { vi: 'Đề xuất lúc {at}.', en: 'Proposed at {at}.' },
  'web.unit.criticised': {
    vi: 'Bị phê bình, kiểm điểm: không xét thi đua.',
    en: 'Criticised: not considered for emulation awards.',
  },
  'web.unit.reward': { vi: 'Được đề nghị khen thưởng.', en: 'Proposed for reward.' },
  'web.unit.explanation': { vi: 'Căn cứ đề xuất', en: 'Why this proposal' },
  'web.unit.factors': { vi: 'Yếu tố tích cực', en: 'Positive factors' },
  'web.unit.noFactors': { vi: 'Chưa ghi yếu tố tích cực.', en: 'No positive factors recorded.' },
  'web.unit.notFinal': {
    vi: 'Chưa xác nhận xếp loại chính thức.',
    en: 'The final rating is not confirmed yet.',
  },
  'web.unit.overrideReason': {
    vi: 'Lý do thay đổi đề xuất: {reason}',
    en: 'Why the proposal was changed: {reason}',
  },
  'web.unit.decision': { vi: 'Số quyết định: {number}', en: 'Decision number: {number}' },
  'web.unit.confirmedAt': { vi: 'Xác nhận lúc {at}.', en: 'Confirmed at {at}.' },
  'web.unit.factorsForm': {
    vi: 'Ghi yếu tố tích cực (đề xuất lại)',
    en: 'Record the positive factors (proposes again)',
  },
  'web.unit.factorsText': { vi: 'Nội dung (để trống để xoá)', en: 'The factors (empty clears them)' },
  'web.unit.rateForm': { vi: 'Xác nhận hoặc thay đổi xếp loại', en: 'Confirm or override the rating' },
  'web.unit.level': { vi: 'Mức xếp loại', en: 'Rating' },
  'web.unit.levelProposed': { vi: '{label} (đề xuất)', en: '{label} (proposed)' },
  'web.unit.reasonIfOverride': {
    vi: 'Lý do (bắt buộc khi khác đề xuất)',
    en: 'Reason (required when it differs from the proposal)',
  },
  'web.unit.factorsRecorded': {
    vi: 'Đã ghi yếu tố tích cực của đơn vị {unitCode} năm {year}; đề xuất được tính lại.',
    en: 'The positive factors of unit {unitCode}, {year}, were recorded; the proposal is computed again.',
  },
  'web.unit.rated': {
    vi: 'Đã ghi xếp loại chính thức của đơn vị {unitCode} năm {year}: {ratingVi}.',
    en: 'The final rating of unit {unitCode}, {year}, was recorded: {ratingEn}.',
  },
  'web.unit.mergeForm': { vi: 'Sáp nhập đơn vị khác vào {code}', en: 'Merge other units into {code}' },
  'web.unit.mergeFrom': {
    vi: 'Mã các đơn vị được sáp nhập, cách nhau bởi dấu phẩy',
    en: 'Codes of the units merged, comma-separated',
  },
  'web.unit.mergeOn': { vi: 'Ngày đầu tiên sau sáp nhập', en: 'The first day after the merger' },
  'web.unit.mergeReason': {
    vi: 'Lý do (để trống: «Sáp nhập … vào … từ ngày …»)',
    en: 'Reason (empty: "Merger of … into … from …")',
  },
  'web.unit.merged': {
    vi: 'Đã sáp nhập vào «{into}» từ ngày {date}.',
    en: 'Merged into "{into}" from {date}.',
  },
  'web.unit.mergeUnfinished': {
    vi: 'Việc sáp nhập vào «{into}» từ ngày {date} đã được ghi nhưng chưa xong; xem các dòng dưới đây.',
    en: 'The merger into "{into}" from {date} is saved but not finished; see the lines below.',
  },
  'web.unit.mergeReport': { vi: 'Kết quả sáp nhập', en: 'The merger' },
  'web.unit.mergeRefused': {
    vi: 'Không sáp nhập: {count} lỗi, không có gì được ghi vào cơ sở dữ liệu. {problems}',
    en: 'Nothing merged: {count} error(s), nothing was written to the database. {problems}',
  },
  'web.unit.mergeEngineFailed': {
    vi: 'Việc sáp nhập đã được ghi vào cơ sở dữ liệu, nhưng chưa báo được cho máy chủ Temporal ({detail}): hãy gửi lại yêu cầu để hoàn tất.',
    en: 'The merger is saved in the database, but the Temporal server could not be told ({detail}): send the request again to finish.',
  },
} as const satisfies CatalogueSection;
