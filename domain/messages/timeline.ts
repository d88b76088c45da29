import type { CatalogueSection } from './catalogue';

/**
 * Lines of a cycle's timeline (`twinning cycle show` and the pair page): one message per kind of audit entry
 * the machine records (`RecordKind`), the evaluation's audit actions, the ledger's notifications, and the
 * pieces some lines add (a reason, a decision number). Params that name an obligation, a side, a phase or a
 * rating come in two forms (`…Vi`, `…En`) so each language's template picks its own word.
 */
export const timelineMessages = {
  'timeline.opened': {
    vi: 'Mở chu kỳ kết nghĩa năm {year} của cặp {pairCode}',
    en: 'Opened the {year} twinning cycle of pair {pairCode}',
  },
  'timeline.notApplicable': {
    vi: '{obligation} {obligationVi}: không áp dụng, vì hạn {due} đã qua khi mở chu kỳ',
    en: '{obligation} {obligationEn}: not applicable, as its due day {due} had passed when the cycle opened',
  },
  'timeline.submitted': {
    vi: '{obligation} {obligationVi}: {sideVi} đã nộp đúng hạn',
    en: '{obligation} {obligationEn}: submitted on time by the {sideEn}',
  },
  'timeline.late': {
    vi: '{obligation} {obligationVi}: {sideVi} đã nộp muộn',
    en: '{obligation} {obligationEn}: submitted late by the {sideEn}',
  },
  'timeline.signed': {
    vi: '{obligation} {obligationVi}: {sideVi} đã ký, chờ bên còn lại ký',
    en: '{obligation} {obligationEn}: signed by the {sideEn}, waiting for the other side',
  },
  'timeline.missed': {
    vi: '{obligation} {obligationVi}: quá hạn {due} mà chưa nộp',
    en: '{obligation} {obligationEn}: missed, not submitted by {due}',
  },
  'timeline.escalated': {
    vi: '{obligation} {obligationVi}: leo thang mức {level}',
    en: '{obligation} {obligationEn}: escalated to level {level}',
  },
  'timeline.waived': {
    vi: '{obligation} {obligationVi}: được miễn',
    en: '{obligation} {obligationEn}: waived',
  },
  'timeline.extended': {
    vi: '{obligation} {obligationVi}: gia hạn từ {from} đến {to}',
    en: '{obligation} {obligationEn}: deadline extended from {from} to {to}',
  },
  'timeline.resent': {
    vi: '{obligation} {obligationVi}: gửi lại nhắc nhở, lần {count}',
    en: '{obligation} {obligationEn}: reminder sent again, resend no. {count}',
  },
  'timeline.progress': {
    vi: '{obligation} {obligationVi}: ghi nhận kết quả thực hiện lần thứ {count}',
    en: '{obligation} {obligationEn}: progress entry no. {count} recorded',
  },
  'timeline.phaseChanged': {
    vi: 'Chuyển giai đoạn: {fromVi} → {toVi}',
    en: 'Phase changed: {fromEn} → {toEn}',
  },
  'timeline.dissolved': {
    vi: 'Giải thể cặp kết nghĩa',
    en: 'Pair dissolved',
  },
  'timeline.repaired': {
    vi: 'Ghép lại cặp kết nghĩa, chuyển sang cặp {successorPairCode}',
    en: 'Pair re-paired into {successorPairCode}',
  },
  'timeline.periodEnding': {
    vi: 'Thời hạn kết nghĩa của cặp sẽ kết thúc vào ngày {lastDay}',
    en: "The pair's period will end on {lastDay}",
  },
  'timeline.periodEnded': {
    vi: 'Thời hạn kết nghĩa của cặp đã kết thúc (ngày cuối {lastDay})',
    en: "The pair's period ended (last day {lastDay})",
  },
  'timeline.part.successor': {
    vi: 'cặp kế tiếp {successorPairCode}',
    en: 'successor pair {successorPairCode}',
  },
  'timeline.unitRated': {
    vi: 'Xếp loại của {sideVi} {unitCode} được xác nhận: {ratingVi}',
    en: 'Rating of the {sideEn} {unitCode} confirmed: {ratingEn}',
  },
  'timeline.rated': {
    vi: '{obligation} {obligationVi}: đơn vị giúp đỡ được xếp loại {sponsorRatingVi}, đơn vị được giúp đỡ được xếp loại {recipientRatingVi}',
    en: '{obligation} {obligationEn}: sponsor rated {sponsorRatingEn}, recipient rated {recipientRatingEn}',
  },
  'timeline.evaluation.proposed': {
    vi: 'Đề xuất xếp loại {sideVi}: {ratingVi}, {scoreVi} điểm',
    en: 'Rating proposed for the {sideEn}: {ratingEn}, {scoreEn} points',
  },
  'timeline.evaluation.confirmed': {
    vi: 'Xác nhận xếp loại {sideVi}: {ratingVi}',
    en: 'Rating of the {sideEn} confirmed: {ratingEn}',
  },
  'timeline.evaluation.overridden': {
    vi: 'Thay đổi xếp loại đề xuất của {sideVi} thành {ratingVi}',
    en: 'Proposed rating of the {sideEn} overridden: {ratingEn}',
  },
  'timeline.evaluation.positiveFactors': {
    vi: 'Ghi nhận yếu tố tích cực của {sideVi}',
    en: 'Positive factors recorded for the {sideEn}',
  },
  'timeline.evaluation.positiveFactorsCleared': {
    vi: 'Xóa yếu tố tích cực của {sideVi}',
    en: 'Positive factors of the {sideEn} removed',
  },
  'timeline.unknown': {
    vi: 'Sự kiện khác «{action}»',
    en: 'Other event "{action}"',
  },

  // Pieces added to a line, joined with "; ".
  'timeline.part.reason': { vi: 'lý do: {reason}', en: 'reason: {reason}' },
  'timeline.part.decision': { vi: 'quyết định số {decisionNumber}', en: 'decision no. {decisionNumber}' },
  'timeline.part.afterDeadline': { vi: 'sau hạn', en: 'after the deadline' },
  'timeline.part.criticised': {
    vi: 'bị phê bình, không xét thi đua',
    en: 'criticised, not considered for emulation awards',
  },

  // Who did it, and the sides as words inside a sentence.
  'timeline.actor.system': { vi: 'hệ thống', en: 'system' },
  'timeline.side.sponsor': { vi: 'đơn vị giúp đỡ', en: 'sponsor' },
  'timeline.side.recipient': { vi: 'đơn vị được giúp đỡ', en: 'recipient' },

  // Messages of the notification ledger.
  'timeline.notification.REMINDER': {
    vi: 'Thư nhắc hạn {obligation} {obligationVi} ({statusVi})',
    en: 'Reminder of the {obligation} {obligationEn} ({statusEn})',
  },
  'timeline.notification.ESCALATION': {
    vi: 'Thư leo thang mức {level} về {obligation} {obligationVi} ({statusVi})',
    en: 'Level {level} escalation about the {obligation} {obligationEn} ({statusEn})',
  },
  'timeline.notification.PROGRESS_REMINDER': {
    vi: 'Thư nhắc cập nhật tiến độ ({statusVi})',
    en: 'Progress reminder ({statusEn})',
  },
  'timeline.notification.other': {
    vi: 'Thư «{kindVi}» ({statusVi})',
    en: '"{kindEn}" message ({statusEn})',
  },
} as const satisfies CatalogueSection;
