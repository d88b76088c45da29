import type { CatalogueSection } from './catalogue';

/**
 * Texts of the administrators' pages of the dashboard: the roster upload (`/roster`), the holiday calendar
 * (`/calendar`) and the year-end summary (`/year-end`), and of their API.
 */
export const webPageMessages = {
  'web.nav.roster': { vi: 'Danh sách đơn vị', en: 'Roster' },
  'web.nav.calendar': { vi: 'Lịch ngày nghỉ', en: 'Holiday calendar' },
  'web.nav.yearEnd': { vi: 'Tổng kết năm', en: 'Year-end summary' },

  'page.kind.DEPARTMENT': { vi: 'Sở, ban, ngành', en: 'Provincial department' },
  'page.kind.LOWLAND_DISTRICT': {
    vi: 'Huyện/thị xã/thành phố đồng bằng',
    en: 'Lowland district, town or city',
  },
  'page.kind.LOWLAND_COMMUNE': { vi: 'Phường/xã đồng bằng', en: 'Lowland ward or commune' },
  'page.kind.MOUNTAIN_DISTRICT': { vi: 'Huyện miền núi', en: 'Mountain district' },
  'page.kind.COMMUNE': { vi: 'Xã miền núi, biên giới', en: 'Mountain or border commune' },
  'page.side.sponsor': { vi: 'Giúp đỡ', en: 'Sponsor' },
  'page.side.recipient': { vi: 'Được giúp đỡ', en: 'Recipient' },
  'page.year': { vi: 'Năm', en: 'Year' },
  'page.show': { vi: 'Xem', en: 'Show' },
  'page.yes': { vi: 'Có', en: 'Yes' },
  'page.cancel': { vi: 'Huỷ, quay lại', en: 'Cancel and go back' },

  // The roster upload.
  'page.roster.title': {
    vi: 'Nhập danh sách đơn vị và cặp kết nghĩa',
    en: 'Import the roster of units and pairs',
  },
  'page.roster.current': {
    vi: 'Hiện có {units} đơn vị và {pairs} cặp kết nghĩa.',
    en: 'The roster now holds {units} units and {pairs} twinning pairs.',
  },
  'page.roster.intro': {
    vi: 'Tải lên một tệp Excel (.xlsx, hai trang «Đơn vị» và «Cặp kết nghĩa»), một tệp JSON, hoặc hai tệp CSV (units.csv và pairs.csv). Trước hết hệ thống kiểm tra và cho xem sẽ thay đổi những gì; chưa ghi gì cho đến khi bạn xác nhận. Đơn vị hay cặp không có trong tệp được giữ nguyên.',
    en: 'Upload an Excel workbook (.xlsx, with the sheets "Đơn vị" and "Cặp kết nghĩa"), a JSON document, or two CSV files (units.csv and pairs.csv). The file is checked first and you see what would change; nothing is written until you confirm. Units and pairs missing from the file stay as they are.',
  },
  'page.roster.file': {
    vi: 'Tệp danh sách (.xlsx, .json, hoặc units.csv)',
    en: 'Roster file (.xlsx, .json, or units.csv)',
  },
  'page.roster.pairsFile': {
    vi: 'Tệp cặp kết nghĩa pairs.csv (chỉ khi dùng CSV)',
    en: 'Pairs file pairs.csv (CSV only)',
  },
  'page.roster.staffYear': { vi: 'Năm của số biên chế', en: 'Year of the staff counts' },
  'page.roster.upload': { vi: 'Tải lên tệp danh sách', en: 'Upload a roster file' },
  'page.roster.check': { vi: 'Kiểm tra (chưa ghi gì)', en: 'Check (writes nothing)' },
  'page.roster.invalid': {
    vi: 'Danh sách có {count} lỗi; chưa ghi gì. Hãy sửa tệp rồi tải lên lại.',
    en: 'The roster has {count} error(s); nothing was written. Correct the file and upload it again.',
  },
  'page.roster.errors': { vi: 'Các lỗi', en: 'Errors' },
  'page.roster.where': { vi: 'Vị trí', en: 'Where' },
  'page.roster.problem': { vi: 'Lỗi', en: 'Problem' },
  'page.roster.sheet': { vi: 'Trang', en: 'Sheet' },
  'page.roster.row': { vi: 'Dòng', en: 'Row' },
  'page.roster.column': { vi: 'Cột', en: 'Column' },
  'page.roster.fileName': { vi: 'Tệp', en: 'File' },
  'page.roster.dryRun': { vi: 'Kết quả kiểm tra (chạy thử)', en: 'The check (dry run)' },
  'page.roster.checked': {
    vi: 'Tệp hợp lệ. Nếu áp dụng: {unitsCreated} đơn vị mới, {unitsUpdated} đơn vị thay đổi, {unitsUnchanged} giữ nguyên; {pairsCreated} cặp mới, {pairsUpdated} cặp thay đổi, {pairsUnchanged} giữ nguyên. Số biên chế ghi cho năm {staffYear}.',
    en: 'The file is valid. Applying it would create {unitsCreated} units, change {unitsUpdated} and leave {unitsUnchanged}; create {pairsCreated} pairs, change {pairsUpdated} and leave {pairsUnchanged}. Staff counts are recorded for {staffYear}.',
  },
  'page.roster.digest': { vi: 'SHA-256 của tệp', en: 'SHA-256 of the file' },
  'page.roster.size': { vi: 'Dung lượng (byte)', en: 'Size (bytes)' },
  'page.roster.added': { vi: 'Sẽ thêm', en: 'Would be added' },
  'page.roster.changedList': { vi: 'Sẽ thay đổi', en: 'Would be changed' },
  'page.roster.ended': { vi: 'Sẽ kết thúc', en: 'Would end' },
  'page.roster.endsOn': { vi: 'Kết thúc ngày {date}', en: 'Ends on {date}' },
  'page.roster.table': { vi: 'Loại', en: 'Type' },
  'page.roster.table.units': { vi: 'Đơn vị', en: 'Unit' },
  'page.roster.table.pairs': { vi: 'Cặp kết nghĩa', en: 'Pair' },
  'page.roster.code': { vi: 'Mã', en: 'Code' },
  'page.roster.fields': { vi: 'Nội dung', en: 'Details' },
  'page.roster.field': { vi: '{field}: {before} → {after}', en: '{field}: {before} → {after}' },
  'page.roster.fieldNew': { vi: '{field}: {after}', en: '{field}: {after}' },
  'page.roster.empty': { vi: '(trống)', en: '(empty)' },
  'page.roster.nothing': {
    vi: 'Tệp không thay đổi gì so với danh sách hiện có; không cần áp dụng.',
    en: 'The file changes nothing in the current roster; there is nothing to apply.',
  },
  'page.roster.confirmHint': {
    vi: 'Nút dưới đây áp dụng đúng tệp đã kiểm tra (SHA-256 {sha256}), đến {until}. Nếu danh sách trong hệ thống thay đổi trước đó, sẽ không ghi gì và bạn cần kiểm tra lại.',
    en: 'The button below applies exactly the file checked (SHA-256 {sha256}), until {until}. If the roster in the system changes before then, nothing is written and you must check again.',
  },
  'page.roster.apply': { vi: 'Áp dụng danh sách này', en: 'Apply this roster' },
  'page.roster.applied': {
    vi: 'Đã nhập danh sách (SHA-256 {sha256}): {unitsCreated} đơn vị mới, {unitsUpdated} đơn vị thay đổi; {pairsCreated} cặp mới, {pairsUpdated} cặp thay đổi.',
    en: 'Roster imported (SHA-256 {sha256}): {unitsCreated} units created, {unitsUpdated} changed; {pairsCreated} pairs created, {pairsUpdated} changed.',
  },
  'page.roster.noFile': {
    vi: 'Hãy chọn tệp danh sách (.xlsx, .json hoặc units.csv).',
    en: 'Choose the roster file (.xlsx, .json or units.csv).',
  },
  'page.roster.notSpreadsheet': {
    vi: 'Tệp này không phải bảng tính hay văn bản: chỉ nhận tệp Excel (.xlsx), JSON hoặc CSV.',
    en: 'This file is neither a spreadsheet nor text: only Excel (.xlsx), JSON or CSV files are accepted.',
  },
  'page.roster.contentMismatch': {
    vi: 'Tên tệp có đuôi {extension} nhưng nội dung là {actual}; hãy lưu lại tệp đúng định dạng hoặc đặt lại tên.',
    en: 'The file is named {extension} but holds {actual}; save it in the right format or rename it.',
  },
  'page.roster.pairsMissing': {
    vi: 'Danh sách CSV gồm hai tệp: hãy chọn cả tệp cặp kết nghĩa (pairs.csv).',
    en: 'A CSV roster is two files: choose the pairs file (pairs.csv) too.',
  },
  'page.roster.pairsOnlyCsv': {
    vi: 'Tệp cặp kết nghĩa riêng chỉ dùng với CSV; {file} đã chứa cả đơn vị và cặp kết nghĩa.',
    en: 'A separate pairs file is only for CSV; {file} already holds both units and pairs.',
  },
  'page.roster.pairsNotCsv': {
    vi: 'Tệp cặp kết nghĩa phải là CSV, nhưng nội dung là {actual}.',
    en: 'The pairs file must be CSV, but it holds {actual}.',
  },
  'page.roster.gone': {
    vi: 'Tệp đã kiểm tra không còn được giữ (quá một giờ, hoặc không phải của bạn); chưa ghi gì. Hãy tải lên và kiểm tra lại.',
    en: 'The checked file is no longer kept (over an hour ago, or not yours); nothing was written. Upload and check it again.',
  },
  'page.roster.alreadyApplied': {
    vi: 'Tệp này đã được áp dụng rồi; không ghi lại lần nữa.',
    en: 'This file has already been applied; it is not written again.',
  },
  'page.roster.differs': {
    vi: 'Tệp được xác nhận không phải tệp đã kiểm tra (SHA-256 đã kiểm tra {shown}, nhận được {sent}); chưa ghi gì.',
    en: 'The file confirmed is not the one checked (SHA-256 checked {shown}, received {sent}); nothing was written.',
  },
  'page.roster.changed': {
    vi: 'Danh sách trong hệ thống đã thay đổi sau lần kiểm tra, nên việc nhập sẽ khác với những gì đã xem; chưa ghi gì. Hãy kiểm tra lại tệp.',
    en: 'The roster in the system changed after the check, so the import would differ from what was shown; nothing was written. Check the file again.',
  },

  // The holiday calendar.
  'page.calendar.title': { vi: 'Lịch ngày nghỉ năm {year}', en: 'Holiday calendar {year}' },
  'page.calendar.intro': {
    vi: 'Ngày lễ, ngày nghỉ bù, hoán đổi và ngày làm bù của năm: hạn nộp rơi vào ngày nghỉ được lùi đến ngày làm việc tiếp theo (theo chính sách của năm).',
    en: "The year's public holidays, compensatory and swapped days off, and swapped working days: a deadline on a day off moves to the next working day (under the year's policy).",
  },
  'page.calendar.date': { vi: 'Ngày', en: 'Date' },
  'page.calendar.weekday': { vi: 'Thứ', en: 'Day' },
  'page.calendar.name': { vi: 'Tên ngày', en: 'Name' },
  'page.calendar.kind': { vi: 'Loại ngày', en: 'Kind' },
  'page.calendar.edit': { vi: 'Sửa', en: 'Change' },
  'page.calendar.remove': { vi: 'Xoá', en: 'Remove' },
  'page.calendar.add': { vi: 'Thêm ngày', en: 'Add a day' },
  'page.calendar.change': { vi: 'Sửa ngày {date}', en: 'Change {date}' },
  'page.calendar.newDate': { vi: 'Ngày mới (để trống nếu giữ ngày)', en: 'New date (empty: the same day)' },
  'page.calendar.dateHint': { vi: 'dd/mm/yyyy', en: 'dd/mm/yyyy' },
  'page.calendar.check': { vi: 'Xem trước thay đổi', en: 'Preview the change' },
  'page.calendar.deadlines': { vi: 'Hạn của chu kỳ năm {year}', en: 'Deadlines of the {year} cycles' },
  'page.calendar.obligation': { vi: 'Nghĩa vụ', en: 'Obligation' },
  'page.calendar.statutory': { vi: 'Hạn quy định', en: 'Statutory day' },
  'page.calendar.effective': { vi: 'Hạn thực tế', en: 'Effective day' },
  'page.calendar.previous': { vi: '‹ Năm {year}', en: '‹ {year}' },
  'page.calendar.next': { vi: 'Năm {year} ›', en: '{year} ›' },
  'page.calendar.preview': { vi: 'Xem trước thay đổi lịch', en: 'Preview of the calendar change' },
  'page.calendar.doAdd': {
    vi: 'Thêm ngày {date} ({weekday}): {kind} «{name}».',
    en: 'Add {date} ({weekday}): {kind} "{name}".',
  },
  'page.calendar.doRemove': {
    vi: 'Xoá ngày {date} ({weekday}): {kind} «{name}».',
    en: 'Remove {date} ({weekday}): {kind} "{name}".',
  },
  'page.calendar.doChange': {
    vi: 'Sửa ngày {date} ({weekday}), {kind} «{name}», thành ngày {newDate} ({newWeekday}), {newKind} «{newName}».',
    en: 'Change {date} ({weekday}), {kind} "{name}", to {newDate} ({newWeekday}), {newKind} "{newName}".',
  },
  'page.calendar.moves': {
    vi: 'Hạn thực tế được dời trong lịch hạn của năm',
    en: "Effective due days moved in the year's schedule",
  },
  'page.calendar.noMoves': {
    vi: 'Thay đổi này không dời hạn nộp nào.',
    en: 'This change moves no due day.',
  },
  'page.calendar.cycleYear': { vi: 'Chu kỳ năm', en: 'Cycle year' },
  'page.calendar.from': { vi: 'Hạn hiện nay', en: 'Due now' },
  'page.calendar.to': { vi: 'Hạn mới', en: 'New due day' },
  'page.calendar.cycles': {
    vi: 'Chu kỳ đang chạy có hạn bị ảnh hưởng',
    en: 'Running cycles whose deadlines it affects',
  },
  'page.calendar.cyclesNote': {
    vi: 'Chu kỳ đang chạy giữ lịch ngày nghỉ có từ khi mở và không tự đổi hạn (lệnh «twinning calendar» cũng vậy). Chu kỳ mở sau khi lưu (cặp mới trong năm, năm sau) theo lịch mới. Muốn dời hạn của một chu kỳ dưới đây, hãy gia hạn trên trang của cặp.',
    en: 'A running cycle keeps the holiday table it was opened with and is not re-timed (nor by "twinning calendar"). Cycles opened after the save (a pair added during the year, next year) follow the new table. To move a deadline of a cycle below, extend it on the pair page.',
  },
  'page.calendar.noCycles': {
    vi: 'Không có chu kỳ đang chạy nào có hạn bị ảnh hưởng.',
    en: 'No running cycle has a deadline it affects.',
  },
  'page.calendar.offSchedule': {
    vi: '{count} hạn của chu kỳ đang chạy đã được gia hạn riêng, nên không xét ở đây.',
    en: '{count} deadline(s) of running cycles were extended on their own and are not judged here.',
  },
  'page.calendar.pair': { vi: 'Cặp', en: 'Pair' },
  'page.calendar.save': { vi: 'Lưu thay đổi', en: 'Save the change' },
  'page.calendar.saved': { vi: 'Đã lưu thay đổi lịch: {change}', en: 'Calendar change saved: {change}' },
  'page.calendar.dateRequired': { vi: 'Hãy ghi ngày (dd/mm/yyyy).', en: 'Enter the date (dd/mm/yyyy).' },
  'page.calendar.otherYear': {
    vi: 'Ngày {date} không thuộc năm {year}; hãy mở lịch của năm đó.',
    en: '{date} is not in {year}; open that year’s calendar.',
  },
  'page.calendar.action': {
    vi: 'Thao tác «{value}» không hợp lệ: dùng add, remove hoặc change.',
    en: 'Invalid action "{value}": use add, remove or change.',
  },
  'page.calendar.nameRequired': { vi: 'Hãy ghi tên ngày.', en: 'Give the day a name.' },
  'page.calendar.nameTooLong': {
    vi: 'Tên ngày dài {length} ký tự, vượt quá giới hạn {max} ký tự.',
    en: 'The name is {length} characters long, over the {max}-character limit.',
  },
  'page.calendar.duplicate': {
    vi: 'Ngày {date} đã có trong bảng («{name}»); hãy sửa ngày đó thay vì thêm.',
    en: '{date} is already in the table ("{name}"); change that day instead of adding it.',
  },
  'page.calendar.unchanged': {
    vi: 'Không có gì thay đổi ở ngày {date}.',
    en: 'Nothing changes on {date}.',
  },
  'page.calendar.stale': {
    vi: 'Bảng ngày nghỉ đã thay đổi sau khi xem trước; chưa lưu gì. Hãy xem trước lại.',
    en: 'The holiday table changed after the preview; nothing was saved. Preview the change again.',
  },

  // The year-end summary.
  'page.yearEnd.title': { vi: 'Tổng kết năm {year}', en: 'Year-end summary {year}' },
  'page.yearEnd.noCycles': {
    vi: 'Năm {year} chưa có chu kỳ kết nghĩa nào, nên chưa có gì để tổng kết.',
    en: 'There are no twinning cycles in {year}, so there is nothing to sum up.',
  },
  'page.yearEnd.overview': {
    vi: '{cycles} chu kỳ kết nghĩa; {units} lượt đơn vị được đánh giá, {confirmed} đã có xếp loại chính thức, {criticised} bị kiểm điểm, {reward} được đề nghị khen thưởng. Lập lúc {at}.',
    en: '{cycles} twinning cycles; {units} unit evaluations, {confirmed} with a final rating, {criticised} criticised, {reward} proposed for reward. Made at {at}.',
  },
  'page.yearEnd.provisional': {
    vi: 'Xếp loại đề xuất được tính lại từ dữ liệu hiện có; «tạm tính» là chu kỳ chưa đến bước đánh giá.',
    en: 'Proposed ratings are computed from the data as it is; "provisional" means the cycle has not reached evaluation yet.',
  },
  'page.yearEnd.downloads': { vi: 'Tải báo cáo', en: 'Download the report' },
  'page.yearEnd.download': { vi: 'Tải {format}', en: 'Download {format}' },
  'page.yearEnd.pdfNote': {
    vi: 'Bản PDF được in bằng Chromium trên máy chủ và mất vài giây.',
    en: 'The PDF is printed by Chromium on the server and takes a few seconds.',
  },
  'page.yearEnd.charts': { vi: 'Biểu đồ', en: 'Charts' },
  'page.yearEnd.distributionChart': {
    vi: 'Số đơn vị theo xếp loại, đề xuất và chính thức',
    en: 'Units per rating level, proposed and final',
  },
  'page.yearEnd.timelinessChart': {
    vi: 'Đúng hạn, nộp muộn, quá hạn theo nghĩa vụ',
    en: 'On time, late and missed per obligation',
  },
  'page.yearEnd.totals': { vi: 'Tổng hợp theo loại đơn vị', en: 'Totals per kind of unit' },
  'page.yearEnd.kind': { vi: 'Loại đơn vị', en: 'Kind of unit' },
  'page.yearEnd.units': { vi: 'Số đơn vị', en: 'Units' },
  'page.yearEnd.averageScore': { vi: 'Điểm bình quân', en: 'Average score' },
  'page.yearEnd.households': { vi: 'Hộ nghèo được giúp', en: 'Poor households helped' },
  'page.yearEnd.amount': { vi: 'Kinh phí', en: 'Money given' },
  'page.yearEnd.models': { vi: 'Mô hình', en: 'Models' },
  'page.yearEnd.studyTours': { vi: 'Tham quan', en: 'Study tours' },
  'page.yearEnd.onTime': { vi: 'Đúng hạn', en: 'On time' },
  'page.yearEnd.late': { vi: 'Nộp muộn', en: 'Late' },
  'page.yearEnd.missed': { vi: 'Quá hạn', en: 'Missed' },
  'page.yearEnd.ratings': { vi: 'Xếp loại từng đơn vị', en: 'Rating of each unit' },
  'page.yearEnd.unit': { vi: 'Đơn vị', en: 'Unit' },
  'page.yearEnd.side': { vi: 'Bên', en: 'Side' },
  'page.yearEnd.pairs': { vi: 'Cặp', en: 'Pairs' },
  'page.yearEnd.score': { vi: 'Điểm', en: 'Score' },
  'page.yearEnd.proposed': { vi: 'Đề xuất', en: 'Proposed' },
  'page.yearEnd.final': { vi: 'Chính thức', en: 'Final' },
  'page.yearEnd.notConfirmed': { vi: 'Chưa xác nhận', en: 'Not confirmed' },
  'page.yearEnd.provisionalMark': { vi: '{level} (tạm tính)', en: '{level} (provisional)' },
  'page.yearEnd.criticised': { vi: 'Kiểm điểm', en: 'Criticised' },
  'page.yearEnd.reward': { vi: 'Đề nghị khen thưởng', en: 'Proposed for reward' },
  'page.yearEnd.total': { vi: 'Cộng', en: 'Total' },
  'page.yearEnd.format': {
    vi: 'Định dạng «{value}» không được hỗ trợ; dùng csv, xlsx hoặc pdf.',
    en: 'The format "{value}" is not supported; use csv, xlsx or pdf.',
  },
  'page.yearEnd.pdfUnavailable': {
    vi: 'Máy chủ này không in được PDF (không có Chromium tại {path}); hãy tải bản XLSX hoặc CSV, hoặc nhờ quản trị hệ thống cài gói chromium.',
    en: 'This server cannot print PDF (no Chromium at {path}); download the XLSX or CSV instead, or ask the system administrator to install the chromium package.',
  },
  'page.yearEnd.pdfDriverMissing': {
    vi: 'Máy chủ này không in được PDF (thiếu gói playwright-core); hãy tải bản XLSX hoặc CSV.',
    en: 'This server cannot print PDF (the playwright-core package is missing); download the XLSX or CSV instead.',
  },
  'page.yearEnd.settings': {
    vi: 'Không lập được tổng kết năm {year}: cấu hình đánh giá của năm không hợp lệ ({problem}).',
    en: 'The {year} summary cannot be made: the year’s evaluation settings are invalid ({problem}).',
  },
} as const satisfies CatalogueSection;
