import type { CatalogueSection } from './catalogue';

/**
 * Messages of e-mail: the reminders, escalations, progress reminders, leadership digest and test message the
 * engine sends (subjects, bodies, calendar entries), and the texts of `twinning mail …` and the Outbox page.
 * Params that name an obligation or a side come in two forms (`…Vi`, `…En`) so each language picks its word.
 */
export const mailMessages = {
  // Subjects: the obligation, the unit and the effective due date, so a subject alone says what is due.
  'mail.subject.reminder': {
    vi: '[Nhắc hạn] {obligationVi} — {unit} — hạn {due}',
    en: '[Reminder] {obligationEn} — {unit} — due {due}',
  },
  'mail.subject.progressReminder': {
    vi: '[Nhắc cập nhật] {obligationVi} — {unit} — chốt ngày {due}',
    en: '[Progress update] {obligationEn} — {unit} — closes {due}',
  },
  'mail.subject.escalation.1': {
    vi: '[Quá hạn – cấp 1] {obligationVi} — {unit} — hạn {due}',
    en: '[Overdue – level 1] {obligationEn} — {unit} — was due {due}',
  },
  'mail.subject.escalation.2': {
    vi: '[Quá hạn – báo cáo UBND tỉnh] {obligationVi} — {unit} — hạn {due}',
    en: '[Overdue – provincial leadership] {obligationEn} — {unit} — was due {due}',
  },
  'mail.subject.digest': {
    vi: '[Tổng hợp] {count} việc quá hạn đang chuyển cấp — ngày {date}',
    en: '[Digest] {count} overdue item(s) under escalation — {date}',
  },
  'mail.subject.digestFailuresOnly': {
    vi: '[Tổng hợp] {failures} thư không gửi được — ngày {date}',
    en: '[Digest] {failures} message(s) could not be delivered — {date}',
  },
  'mail.subject.test': {
    vi: '[Thử] Kiểm tra cấu hình thư điện tử — {at}',
    en: '[Test] E-mail configuration check — {at}',
  },

  // Body blocks.
  'mail.block.vi': { vi: 'Tiếng Việt', en: 'Tiếng Việt (Vietnamese)' },
  'mail.block.en': { vi: 'English (tiếng Anh)', en: 'English' },
  'mail.greeting': { vi: 'Kính gửi: {to}.', en: 'To: {to}.' },
  'mail.party.coordinator': { vi: 'Ban Dân tộc tỉnh', en: 'Ban Dân tộc (ethnic-affairs committee)' },
  'mail.reminder.what': {
    vi: '{unit} ({sideVi}) cần nộp {obligationVi} ({obligation}) của cặp kết nghĩa {pairCode} năm {year}, chậm nhất hết ngày {due} (24:00).',
    en: '{unit} ({sideEn}) must submit the {obligationEn} ({obligation}) of twinning pair {pairCode} for {year} by the end of {due} (24:00).',
  },
  'mail.reminder.pair': {
    vi: 'Cặp kết nghĩa: {sponsor} giúp đỡ {recipient}.',
    en: 'Twinning pair: {sponsor} sponsors {recipient}.',
  },
  'mail.reminder.daysLeft': { vi: 'Còn {days} ngày.', en: '{days} day(s) left.' },
  'mail.reminder.lastDay': { vi: 'Hôm nay là ngày cuối cùng.', en: 'Today is the last day.' },
  'mail.rolled': {
    vi: 'Hạn quy định {statutory} rơi vào ngày nghỉ nên được lùi đến hết ngày làm việc tiếp theo, {due}.',
    en: 'The statutory deadline {statutory} is a day off, so it moves to the end of the next working day, {due}.',
  },
  'mail.ifMissed': {
    vi: 'Nếu quá hạn: ngày {e1} việc chậm nộp được báo cáo Ban Dân tộc tỉnh và thủ trưởng đơn vị; ngày {e2} được báo cáo lãnh đạo UBND tỉnh; việc chậm trễ được tính khi đánh giá, xếp loại cuối năm.',
    en: 'If missed: on {e1} the delay is reported to Ban Dân tộc and to the head of the unit; on {e2} to the provincial leadership (UBND tỉnh); the delay counts in the year-end evaluation and rating.',
  },
  'mail.ifMissed.noDates': {
    vi: 'Nếu quá hạn: việc chậm nộp được báo cáo Ban Dân tộc tỉnh và thủ trưởng đơn vị, sau đó báo cáo lãnh đạo UBND tỉnh, và được tính khi đánh giá, xếp loại cuối năm.',
    en: 'If missed: the delay is reported to Ban Dân tộc and the head of the unit, then to the provincial leadership (UBND tỉnh), and counts in the year-end evaluation and rating.',
  },
  'mail.progress.what': {
    vi: '{unit} ({sideVi}) cần cập nhật tiến độ thực hiện chương trình kết nghĩa của cặp {pairCode} năm {year}: các hoạt động hỗ trợ, số hộ nghèo được giúp đỡ, kinh phí, mô hình sinh kế và chuyến tham quan học tập.',
    en: '{unit} ({sideEn}) should bring the progress record of twinning pair {pairCode} for {year} up to date: support activities, poor households helped, funds, livelihood models and study tours.',
  },
  'mail.progress.due': {
    vi: 'Tiến độ được chốt cùng báo cáo sơ kết, hạn {due}.',
    en: 'The progress record closes with the year-end report, due {due}.',
  },
  'mail.progress.ifMissed': {
    vi: 'Kết quả không được cập nhật sẽ không được tính khi đánh giá, xếp loại cuối năm.',
    en: 'Results that are not entered do not count in the year-end evaluation and rating.',
  },
  'mail.escalation.1.what': {
    vi: '{obligationVi} ({obligation}) của cặp kết nghĩa {pairCode} năm {year} đã quá hạn ngày {due} mà {unit} ({sideVi}) chưa nộp. Thư này được gửi thủ trưởng đơn vị và Ban Dân tộc tỉnh (chuyển cấp 1).',
    en: 'The {obligationEn} ({obligation}) of twinning pair {pairCode} for {year} was due on {due} and {unit} ({sideEn}) has not submitted it. This message goes to the head of the unit and to Ban Dân tộc (escalation level 1).',
  },
  'mail.escalation.1.next': {
    vi: 'Nếu đến ngày {e2} vẫn chưa nộp, việc này được báo cáo lãnh đạo UBND tỉnh (cấp 2). Đơn vị vẫn có thể nộp muộn; việc chậm trễ được tính khi đánh giá, xếp loại cuối năm.',
    en: 'If it is still missing on {e2}, it is reported to the provincial leadership (level 2). The unit can still submit late; the delay counts in the year-end evaluation and rating.',
  },
  'mail.escalation.1.nextNoDate': {
    vi: 'Nếu vẫn chưa nộp, việc này sẽ được báo cáo lãnh đạo UBND tỉnh (cấp 2). Đơn vị vẫn có thể nộp muộn; việc chậm trễ được tính khi đánh giá, xếp loại cuối năm.',
    en: 'If it stays missing, it is reported to the provincial leadership (level 2). The unit can still submit late; the delay counts in the year-end evaluation and rating.',
  },
  'mail.escalation.2.what': {
    vi: '{obligationVi} ({obligation}) của cặp kết nghĩa {pairCode} năm {year} đã quá hạn ngày {due} ({days} ngày) mà {unit} ({sideVi}) chưa nộp. Thư này báo cáo lãnh đạo UBND tỉnh (chuyển cấp 2).',
    en: 'The {obligationEn} ({obligation}) of twinning pair {pairCode} for {year} was due on {due} ({days} day(s) ago) and {unit} ({sideEn}) has not submitted it. This message reports it to the provincial leadership (escalation level 2).',
  },
  'mail.escalation.2.next': {
    vi: 'Việc không nộp được ghi nhận khi đánh giá, xếp loại; đơn vị không có chương trình, không thực hiện hoặc không báo cáo có thể bị kiểm điểm, phê bình và không được xét thi đua.',
    en: 'The failure is recorded for the evaluation; a unit with no signed programme, no implementation or no report may be criticised and is not considered for emulation awards.',
  },
  'mail.link': { vi: 'Xem và nộp hồ sơ: {url}', en: 'View and submit: {url}' },
  'mail.calendarNote': {
    vi: 'Tệp lịch (.ics) đính kèm ghi hạn nộp và lời nhắc.',
    en: 'The attached calendar file (.ics) holds the deadline and its alarms.',
  },
  'mail.footer': {
    vi: 'Thư tự động của hệ thống theo dõi chương trình kết nghĩa, Ban Dân tộc tỉnh; xin không trả lời thư này. Mã thư: {ref}.',
    en: 'Automatic message of the twinning programme system, Ban Dân tộc; please do not reply. Reference: {ref}.',
  },

  // Calendar entry.
  'mail.ics.summary': {
    vi: 'Hạn nộp {obligationVi} ({obligation}) — {unit}',
    en: 'Deadline: {obligationEn} ({obligation}) — {unit}',
  },
  'mail.ics.progressSummary': {
    vi: 'Chốt tiến độ kết nghĩa ({obligation}) — {unit}',
    en: 'Progress record closes ({obligation}) — {unit}',
  },
  'mail.ics.alarm': {
    vi: 'Sắp đến hạn: {obligationVi} — hạn {due}',
    en: 'Deadline approaching: {obligationEn} — due {due}',
  },
  'mail.ics.filename': {
    vi: 'Hạn nộp {obligation} – {unit} – {due}',
    en: 'Deadline {obligation} – {unit} – {due}',
  },

  // Digest.
  'mail.digest.what': {
    vi: 'Tính đến {at}, có {count} việc quá hạn đang chuyển cấp, thuộc {units} đơn vị; {fresh} việc mới kể từ bản tổng hợp trước.',
    en: 'As of {at}, {count} overdue item(s) under escalation, from {units} unit(s); {fresh} new since the previous digest.',
  },
  'mail.digest.none': {
    vi: 'Tính đến {at}, không có việc quá hạn nào đang chuyển cấp.',
    en: 'As of {at}, no overdue item is under escalation.',
  },
  'mail.digest.unit': {
    vi: '{unit} ({code}): {count} việc; lâu nhất: {obligationVi} ({obligation}) của cặp {pairCode}, quá hạn từ {due} ({days} ngày).',
    en: '{unit} ({code}): {count} item(s); oldest: {obligationEn} ({obligation}) of pair {pairCode}, overdue since {due} ({days} day(s)).',
  },
  'mail.digest.item': {
    vi: 'Cặp {pairCode} năm {year}: {obligationVi} ({obligation}), hạn {due}, chuyển cấp {level}{newMark}',
    en: 'Pair {pairCode} {year}: {obligationEn} ({obligation}), due {due}, level {level}{newMark}',
  },
  'mail.digest.newMark': { vi: ' (mới)', en: ' (new)' },
  'mail.digest.failures': {
    vi: '{count} thư không gửi được kể từ bản tổng hợp trước (xem lệnh `twinning mail failures` hoặc trang chủ):',
    en: '{count} message(s) could not be delivered since the previous digest (see `twinning mail failures` or the landing page):',
  },
  'mail.digest.failureItem': { vi: '{subject} — {error}', en: '{subject} — {error}' },
  'mail.digest.dashboard': { vi: 'Trang tổng hợp: {url}', en: 'Dashboard: {url}' },

  // Test message.
  'mail.subject.invite': {
    vi: '[Tài khoản] Lời mời sử dụng hệ thống kết nghĩa — đặt mật khẩu',
    en: '[Account] Invitation to the twinning system — set your password',
  },
  'mail.subject.reset': {
    vi: '[Tài khoản] Đặt lại mật khẩu hệ thống kết nghĩa',
    en: '[Account] Reset your twinning system password',
  },
  'mail.account.greeting': { vi: 'Kính gửi {name},', en: 'Dear {name},' },
  'mail.account.invite': {
    vi: 'Ban Dân tộc tỉnh đã tạo cho bạn tài khoản {email} trên hệ thống theo dõi chương trình kết nghĩa, với vai trò {role}.',
    en: 'The provincial Ethnic Affairs Committee has created the account {email} for you on the twinning programme system, with the role {role}.',
  },
  'mail.account.reset': {
    vi: 'Có yêu cầu đặt lại mật khẩu cho tài khoản {email}. Nếu không phải bạn yêu cầu, hãy bỏ qua thư này: mật khẩu hiện tại vẫn giữ nguyên.',
    en: 'A password reset was asked for the account {email}. If it was not you, ignore this message: the current password stays as it is.',
  },
  'mail.account.link': {
    vi: 'Mở liên kết sau để đặt mật khẩu (chỉ dùng được một lần, hiệu lực đến {until}): {link}',
    en: 'Open this link to set your password (it works once, until {until}): {link}',
  },
  'mail.account.private': {
    vi: 'Không chuyển tiếp thư này: ai có liên kết đều có thể đặt mật khẩu cho tài khoản của bạn.',
    en: 'Do not forward this message: whoever has the link can set the password of your account.',
  },
  'mail.test.what': {
    vi: 'Thư thử nghiệm gửi lúc {at} qua máy chủ {server}. Nhận được thư này nghĩa là cấu hình SMTP hoạt động.',
    en: 'Test message sent at {at} through {server}. Receiving it means the SMTP configuration works.',
  },

  // Failures recorded in the ledger.
  'mail.error.noRecipients': {
    vi: 'Không có địa chỉ nhận hợp lệ (đơn vị chưa có địa chỉ thư hoặc mọi địa chỉ đã bị trả lại).',
    en: 'No valid recipient (the unit has no address, or every address has bounced).',
  },
  'mail.error.horizon': {
    vi: 'Đã thử gửi trong {hours} giờ mà máy chủ thư vẫn chưa nhận: {error}',
    en: 'Retried for {hours} hours and the mail server still did not accept it: {error}',
  },

  // CLI.
  'mail.cli.test.sent': {
    vi: 'Máy chủ thư {server} đã nhận thư thử gửi đến {to}. Trả lời của máy chủ: {reply}. Message-ID: {messageId}.',
    en: 'The mail server {server} accepted the test message to {to}. Server reply: {reply}. Message-ID: {messageId}.',
  },
  'mail.cli.test.failed': {
    vi: 'Không gửi được thư thử đến {to} qua {server}: {error}. Hãy kiểm tra SMTP_URL (máy chủ, cổng, tài khoản, smtp:// hay smtps://) và MAIL_FROM.',
    en: 'Could not send the test message to {to} through {server}: {error}. Check SMTP_URL (host, port, account, smtp:// or smtps://) and MAIL_FROM.',
  },
  'mail.cli.test.badAddress': {
    vi: 'Địa chỉ «{value}» không hợp lệ.',
    en: 'The address "{value}" is invalid.',
  },
  'mail.cli.failures.none': { vi: 'Không có thư nào gửi thất bại.', en: 'No failed message.' },
  'mail.cli.failures.heading': {
    vi: '{count} thư gửi thất bại:',
    en: '{count} failed message(s):',
  },
  'mail.cli.bounced.heading': {
    vi: '{count} địa chỉ bị trả lại vĩnh viễn (không nhận thư cho đến khi được sửa):',
    en: '{count} address(es) bounced permanently (skipped until corrected):',
  },
  'mail.cli.outbox.empty': {
    vi: 'Hộp thư đi trống ({dir}).',
    en: 'The outbox is empty ({dir}).',
  },
  'mail.cli.schedules.ensured': {
    vi: 'Lịch «{id}» đã được tạo hoặc cập nhật: {spec}.',
    en: 'Schedule "{id}" created or updated: {spec}.',
  },
  'mail.cli.digest.sent': {
    vi: 'Đã gửi bản tổng hợp ngày {date}.',
    en: 'Sent the digest of {date}.',
  },
  'mail.cli.digest.skipped': {
    vi: 'Không gửi bản tổng hợp ngày {date}: {reasonVi}.',
    en: 'No digest sent for {date}: {reasonEn}.',
  },

  // Web: the landing page and the Outbox page.
  'web.mail.failures': {
    vi: '{count} thư gửi thất bại cần xem xét.',
    en: '{count} failed message(s) need attention.',
  },
  'web.mail.bounced': {
    vi: '{count} địa chỉ thư bị trả lại vĩnh viễn.',
    en: '{count} address(es) bounced permanently.',
  },
  'web.mail.noFailures': { vi: 'Không có thư gửi thất bại.', en: 'No failed message.' },
  'web.mail.heading': { vi: 'Thư điện tử', en: 'E-mail' },
  'web.links.outbox': { vi: 'Hộp thư đi', en: 'Outbox' },
  'web.outbox.title': { vi: 'Hộp thư đi', en: 'Outbox' },
  'web.outbox.headers': { vi: 'Thông tin thư', en: 'Message headers' },
  'web.outbox.caught': {
    vi: 'Thư do máy chủ thư cục bộ giữ lại ({dir}); không thư nào ra khỏi máy này.',
    en: 'Messages kept by the local mail catcher ({dir}); none left this machine.',
  },
  'web.outbox.noCatcher': {
    vi: 'Không có thư nào được máy chủ thư cục bộ giữ lại ({dir}).',
    en: 'The local mail catcher has kept no message ({dir}).',
  },
  'web.outbox.date': { vi: 'Thời gian', en: 'Date' },
  'web.outbox.to': { vi: 'Người nhận', en: 'To' },
  'web.outbox.subject': { vi: 'Tiêu đề', en: 'Subject' },
  'web.outbox.attachments': { vi: 'Tệp đính kèm', en: 'Attachments' },
  'web.outbox.back': { vi: 'Quay lại hộp thư đi', en: 'Back to the outbox' },
  'web.outbox.notFound': { vi: 'Không tìm thấy thư này.', en: 'No such message.' },
  'web.outbox.ledger': { vi: 'Sổ theo dõi gửi thư', en: 'Delivery ledger' },
  'web.outbox.status': { vi: 'Trạng thái', en: 'Status' },
  'web.outbox.kind': { vi: 'Loại', en: 'Kind' },
  'web.outbox.attempts': { vi: 'Số lần thử', en: 'Attempts' },
  'web.outbox.reply': { vi: 'Trả lời của máy chủ / lỗi', en: 'Server reply / error' },
  'web.outbox.counts': {
    vi: 'Chờ gửi: {pending}; đang gửi: {sending}; đã gửi: {sent}; thất bại: {failed}.',
    en: 'Pending: {pending}; sending: {sending}; sent: {sent}; failed: {failed}.',
  },
} as const satisfies CatalogueSection;

/** Names of ledger kinds and statuses, for the CLI and the Outbox page. */
export const mailVocabulary = {
  kind: {
    REMINDER: { vi: 'Nhắc hạn', en: 'Reminder' },
    ESCALATION: { vi: 'Chuyển cấp', en: 'Escalation' },
    PROGRESS_REMINDER: { vi: 'Nhắc cập nhật tiến độ', en: 'Progress reminder' },
    DIGEST: { vi: 'Tổng hợp', en: 'Digest' },
    TEST: { vi: 'Thư thử', en: 'Test' },
    ACCOUNT: { vi: 'Tài khoản', en: 'Account' },
  },
  status: {
    PENDING: { vi: 'Chờ gửi', en: 'Pending' },
    SENDING: { vi: 'Đang gửi', en: 'Sending' },
    SENT: { vi: 'Đã gửi', en: 'Sent' },
    SKIPPED: { vi: 'Không cần gửi', en: 'Not needed' },
    FAILED: { vi: 'Thất bại', en: 'Failed' },
  },
  skipReason: {
    notWorkingDay: { vi: 'không phải ngày làm việc', en: 'not a working day' },
    nothingNew: { vi: 'không có gì mới', en: 'nothing new' },
    alreadySent: { vi: 'đã gửi', en: 'already sent' },
  },
} as const;
