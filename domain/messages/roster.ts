import type { CatalogueSection } from './catalogue';

/**
 * Messages of the roster import and listing (`twinning roster …`): file problems, row and cross-row
 * validation, locations of errors and the import summary.
 */
export const rosterMessages = {
  // Where an error is: joined by the formatter in ../roster/format.ts.
  'roster.at.sheet': { vi: 'trang {sheet}', en: 'sheet {sheet}' },
  'roster.at.row': { vi: 'dòng {row}', en: 'row {row}' },
  'roster.at.column': { vi: 'cột {column}', en: 'column {column}' },

  // The file as a whole.
  'roster.fileNotFound': {
    vi: 'Không tìm thấy tệp hoặc không đọc được tệp.',
    en: 'The file does not exist or cannot be read.',
  },
  'roster.unsupportedFormat': {
    vi: 'Định dạng tệp không được hỗ trợ: chỉ nhận tệp .xlsx, .csv hoặc .json.',
    en: 'Unsupported file format: only .xlsx, .csv or .json files are accepted.',
  },
  'roster.tooManyFiles': {
    vi: 'Chỉ nhận một tệp .xlsx hoặc .json, hoặc một tệp đơn vị và một tệp cặp kết nghĩa dạng .csv; đã nhận {count} tệp.',
    en: 'Give one .xlsx or .json file, or one units file and one pairs file in .csv; {count} files were given.',
  },
  'roster.csvPartnerMissing': {
    vi: 'Không tìm thấy tệp {expected} nằm cùng thư mục. Hãy đặt tệp đó cạnh tệp này hoặc nêu cả hai tệp trong lệnh.',
    en: 'The file {expected} was not found beside this file. Put it next to this file or name both files in the command.',
  },
  'roster.fileTooLarge': {
    vi: 'Tệp có dung lượng {size} MB, vượt quá giới hạn {limit} MB; tệp không được đọc.',
    en: 'The file is {size} MB, over the {limit} MB limit; it was not read.',
  },
  'roster.emptyFile': {
    vi: 'Tệp rỗng: không có dòng tiêu đề và không có dữ liệu.',
    en: 'The file is empty: no header line and no data.',
  },
  'roster.notUtf8': {
    vi: 'Tệp không được mã hóa UTF-8; hãy lưu lại tệp với mã hóa UTF-8 (có hoặc không có BOM).',
    en: 'The file is not UTF-8 encoded; save it again as UTF-8 (with or without BOM).',
  },
  'roster.noRows': {
    vi: 'Có dòng tiêu đề nhưng không có dòng dữ liệu nào.',
    en: 'The header is there but there are no data rows.',
  },
  // A CSV or Excel file that cannot be read at all is told in the catalogue's words, never in the reading
  // library's (English only, and about its own workings).
  'roster.csvSyntax': {
    vi: 'Tệp CSV sai cú pháp ở dòng {line}.',
    en: 'The CSV file is malformed on line {line}.',
  },
  'roster.csvQuoteMisplaced': {
    vi: 'Tệp CSV sai cú pháp ở dòng {line}: dấu ngoặc kép («"») đặt sai chỗ. Ô có dấu ngoặc kép phải được bao cả ô trong ngoặc kép, mỗi dấu ngoặc kép bên trong viết thành hai ("").',
    en: 'The CSV file is malformed on line {line}: a double quote (") is out of place. A cell holding a double quote must be quoted as a whole, each quote inside written twice ("").',
  },
  'roster.csvQuoteNotClosed': {
    vi: 'Tệp CSV sai cú pháp: một dấu ngoặc kép («"») được mở mà không đóng, nên phần còn lại của tệp đến dòng {line} bị đọc thành một ô. Hãy đóng dấu ngoặc kép đó, hoặc viết mỗi dấu ngoặc kép trong ô thành hai ("").',
    en: 'The CSV file is malformed: a double quote (") is opened and never closed, so the rest of the file up to line {line} reads as one cell. Close that quote, or write each quote inside a cell twice ("").',
  },
  'roster.xlsxUnreadable': {
    vi: 'Không đọc được tệp Excel: tệp bị hỏng, bị cắt ngắn hoặc không phải bảng tính .xlsx. Hãy mở tệp bằng Excel và lưu lại dạng .xlsx.',
    en: 'The Excel file cannot be read: it is damaged, cut short or not an .xlsx workbook. Open it in Excel and save it again as .xlsx.',
  },
  'roster.sheetMissing': {
    vi: 'Thiếu trang tính «{expected}» (hoặc «{alias}»).',
    en: 'The sheet "{expected}" (or "{alias}") is missing.',
  },
  'roster.jsonSyntax': {
    vi: 'Tệp JSON sai cú pháp ở dòng {line}, cột {column}: ký tự «{found}» không đúng chỗ.',
    en: 'The JSON file is malformed at line {line}, column {column}: the character "{found}" is out of place.',
  },
  'roster.jsonTruncated': {
    vi: 'Tệp JSON dừng giữa chừng sau dòng {line}: tệp bị cắt ngắn, hoặc thiếu dấu đóng (}, ] hoặc ").',
    en: 'The JSON file stops midway after line {line}: it was cut short, or a closing }, ] or " is missing.',
  },
  'roster.jsonShape': {
    vi: 'Tệp JSON phải có dạng {"units": [ … ], "pairs": [ … ]}.',
    en: 'The JSON file must look like {"units": [ … ], "pairs": [ … ]}.',
  },
  'roster.jsonItem': {
    vi: 'Mỗi phần tử phải là một đối tượng JSON {…}.',
    en: 'Each entry must be a JSON object {…}.',
  },
  'roster.jsonValue': {
    vi: 'Giá trị phải là chuỗi, số, true/false hoặc để trống.',
    en: 'The value must be a string, a number, true/false or empty.',
  },

  // The header.
  'roster.wrongDelimiter': {
    vi: 'Dòng tiêu đề dùng dấu phân cách «{found}»; tệp phải phân cách bằng dấu phẩy, với tiêu đề: {expected}',
    en: 'The header uses "{found}" as delimiter; the file must be comma-separated, with the header: {expected}',
  },
  'roster.headerMissing': {
    vi: 'Thiếu dòng tiêu đề: dòng đầu tiên phải là {expected}',
    en: 'The header line is missing: the first line must be {expected}',
  },
  'roster.missingColumns': {
    vi: 'Dòng tiêu đề thiếu cột {missing}; tiêu đề đúng là: {expected}',
    en: 'The header lacks the column(s) {missing}; the expected header is: {expected}',
  },
  'roster.unknownColumn': {
    vi: 'Cột «{column}» không được nhận biết; các cột hợp lệ: {expected}',
    en: 'Unknown column "{column}"; valid columns: {expected}',
  },
  'roster.duplicateColumn': {
    vi: 'Cột «{column}» xuất hiện nhiều lần trong dòng tiêu đề.',
    en: 'The column "{column}" appears more than once in the header.',
  },
  'roster.columnCount': {
    vi: 'Dòng có {found} ô nhưng tiêu đề có {expected} cột.',
    en: 'The row has {found} cells but the header has {expected} columns.',
  },

  // One cell.
  'roster.required': {
    vi: 'Bắt buộc phải có giá trị.',
    en: 'A value is required.',
  },
  'roster.codeInvalid': {
    vi: 'Mã «{value}» không hợp lệ: chỉ gồm chữ không dấu, số, dấu chấm, gạch ngang, gạch dưới, tối đa 40 ký tự.',
    en: 'The code "{value}" is invalid: only unaccented letters, digits, dot, hyphen and underscore, at most 40 characters.',
  },
  'roster.textNul': {
    vi: 'Ô có ký tự NUL (mã 0), không lưu được; hãy xóa ký tự đó.',
    en: 'The cell holds a NUL character (code 0), which cannot be stored; remove it.',
  },
  'roster.textSurrogate': {
    vi: 'Ô có một nửa ký tự Unicode đứng riêng (\\ud800–\\udfff trong JSON), không lưu đúng được; hãy viết lại ký tự đó.',
    en: 'The cell holds half of a Unicode character on its own (\\ud800–\\udfff in JSON), which cannot be stored as written; write that character again.',
  },
  'roster.nameTooLong': {
    vi: 'Tên dài {length} ký tự, vượt quá giới hạn {max} ký tự.',
    en: 'The name is {length} characters long, over the {max}-character limit.',
  },
  'roster.kindInvalid': {
    vi: 'Loại đơn vị «{value}» không hợp lệ; phải là một trong: {allowed}.',
    en: 'The unit kind "{value}" is invalid; it must be one of: {allowed}.',
  },
  'roster.borderInvalid': {
    vi: 'Giá trị «{value}» không hợp lệ; dùng true/false, 1/0, yes/no, có/không hoặc để trống.',
    en: 'The value "{value}" is invalid; use true/false, 1/0, yes/no, có/không or leave it empty.',
  },
  'roster.staffRequired': {
    vi: 'Sở, ban, ngành phải có số biên chế.',
    en: 'A provincial department must have a staff count.',
  },
  'roster.staffInvalid': {
    vi: 'Số biên chế «{value}» không hợp lệ: phải là số nguyên không âm.',
    en: 'The staff count "{value}" is invalid: it must be a non-negative whole number.',
  },
  'roster.emailInvalid': {
    vi: 'Địa chỉ thư điện tử «{value}» không hợp lệ.',
    en: 'The e-mail address "{value}" is invalid.',
  },
  'roster.emailDuplicate': {
    vi: 'Địa chỉ thư điện tử «{value}» được ghi hai lần cho cùng một đơn vị.',
    en: 'The e-mail address "{value}" is listed twice for the same unit.',
  },
  'roster.dateInvalid': {
    vi: 'Ngày «{value}» không hợp lệ; dùng dạng yyyy-mm-dd, dd/mm/yyyy hoặc chỉ ghi năm (yyyy).',
    en: 'The date "{value}" is invalid; use yyyy-mm-dd, dd/mm/yyyy or a year alone (yyyy).',
  },
  'roster.yearOutOfRange': {
    vi: 'Năm «{value}» nằm ngoài khoảng cho phép, từ năm {min} đến năm {max}.',
    en: 'The year "{value}" is outside the accepted range, {min} to {max}.',
  },
  'roster.periodReversed': {
    vi: 'Ngày bắt đầu {from} sau ngày kết thúc {to}.',
    en: 'The start date {from} is after the end date {to}.',
  },
  'roster.yearsReversed': {
    vi: 'Năm kết thúc {to} trước năm bắt đầu {from}.',
    en: 'The end year {to} is before the start year {from}.',
  },

  // Across rows.
  'roster.duplicateUnitCode': {
    vi: 'Mã đơn vị «{code}» bị trùng với dòng {firstRow}.',
    en: 'The unit code "{code}" duplicates row {firstRow}.',
  },
  'roster.duplicatePairCode': {
    vi: 'Mã cặp kết nghĩa «{code}» bị trùng với dòng {firstRow}.',
    en: 'The pair code "{code}" duplicates row {firstRow}.',
  },
  'roster.unknownParent': {
    vi: 'Đơn vị cấp trên «{code}» không có trong danh sách đơn vị.',
    en: 'The parent unit "{code}" is not in the list of units.',
  },
  'roster.parentNotAllowed': {
    vi: 'Chỉ xã mới có đơn vị cấp trên; đơn vị loại {kind} phải để trống cột này.',
    en: 'Only a commune has a parent unit; a unit of kind {kind} must leave this column empty.',
  },
  'roster.communeParentKind': {
    vi: 'Đơn vị cấp trên của xã phải là huyện miền núi (MOUNTAIN_DISTRICT), nhưng «{code}» thuộc loại {kind}.',
    en: 'The parent of a commune must be a mountain district (MOUNTAIN_DISTRICT), but "{code}" is of kind {kind}.',
  },
  'roster.borderOnlyCommune': {
    vi: 'Chỉ xã mới có thể là xã biên giới; đơn vị loại {kind} phải để border trống hoặc false.',
    en: 'Only a commune can be a border commune; a unit of kind {kind} must leave border empty or false.',
  },
  'roster.unknownUnit': {
    vi: 'Đơn vị «{code}» không có trong danh sách đơn vị.',
    en: 'The unit "{code}" is not in the list of units.',
  },
  'roster.sponsorKind': {
    vi: 'Bên kết nghĩa «{code}» thuộc loại {kind}; bên kết nghĩa phải là sở, ban, ngành (DEPARTMENT), huyện đồng bằng (LOWLAND_DISTRICT) hoặc phường, xã đồng bằng (LOWLAND_COMMUNE).',
    en: 'The sponsor "{code}" is of kind {kind}; a sponsor must be a department (DEPARTMENT), a lowland district (LOWLAND_DISTRICT) or a lowland ward or commune (LOWLAND_COMMUNE).',
  },
  'roster.recipientKind': {
    vi: 'Bên được kết nghĩa «{code}» thuộc loại {kind}; bên được kết nghĩa phải là huyện miền núi (MOUNTAIN_DISTRICT) hoặc xã (COMMUNE).',
    en: 'The recipient "{code}" is of kind {kind}; a recipient must be a mountain district (MOUNTAIN_DISTRICT) or a commune (COMMUNE).',
  },
  'roster.successorSelf': {
    vi: 'Đơn vị «{code}» không thể được sáp nhập vào chính nó.',
    en: 'The unit "{code}" cannot be merged into itself.',
  },
  'roster.successorUnknown': {
    vi: 'Đơn vị kế thừa «{code}» không có trong danh sách đơn vị cũng như trong cơ sở dữ liệu.',
    en: 'The successor unit "{code}" is neither in the list of units nor in the database.',
  },
  'roster.successorSide': {
    vi: 'Đơn vị kế thừa «{code}» thuộc loại {successorKind}, khác bên với đơn vị loại {kind}: bên kết nghĩa chỉ sáp nhập vào bên kết nghĩa, bên được kết nghĩa chỉ sáp nhập vào bên được kết nghĩa.',
    en: 'The successor "{code}" is of kind {successorKind}, on the other side from a unit of kind {kind}: a sponsor merges only into a sponsor, a recipient only into a recipient.',
  },
  'roster.successorCycle': {
    vi: 'Chuỗi đơn vị kế thừa quay lại chính nó: {chain}.',
    en: 'The chain of successors comes back to where it started: {chain}.',
  },
  'roster.communesNotAllowed': {
    vi: 'Chỉ cặp có bên được kết nghĩa là huyện miền núi (MOUNTAIN_DISTRICT) mới được ghi danh sách xã; «{recipient}» thuộc loại {kind}.',
    en: 'Only a pair whose recipient is a mountain district (MOUNTAIN_DISTRICT) may list communes; "{recipient}" is of kind {kind}.',
  },
  'roster.communeUnknown': {
    vi: 'Xã «{code}» không có trong danh sách đơn vị.',
    en: 'The commune "{code}" is not in the list of units.',
  },
  'roster.communeNotUnderDistrict': {
    vi: '«{code}» không phải là xã thuộc huyện «{district}».',
    en: '"{code}" is not a commune of the district "{district}".',
  },
  'roster.communeDuplicate': {
    vi: 'Xã «{code}» được ghi hai lần trong danh sách xã của cặp.',
    en: 'The commune "{code}" is listed twice for the pair.',
  },
  'roster.pairOverlap': {
    vi: '«{sponsor}» và «{recipient}» đã được kết nghĩa trong cặp «{other}» (dòng {otherRow}) với thời gian trùng nhau.',
    en: '"{sponsor}" and "{recipient}" are already paired in "{other}" (row {otherRow}) over an overlapping period.',
  },
  'roster.recipientMultipleSponsors': {
    vi: 'Bên được kết nghĩa «{recipient}» đã có bên kết nghĩa khác trong cặp «{other}» (dòng {otherRow}) với thời gian trùng nhau.',
    en: 'The recipient "{recipient}" already has another sponsor in "{other}" (row {otherRow}) over an overlapping period.',
  },
  'roster.sponsorMultipleRecipients': {
    vi: 'Bên kết nghĩa «{sponsor}» đã kết nghĩa với đơn vị khác trong cặp «{other}» (dòng {otherRow}) với thời gian trùng nhau.',
    en: 'The sponsor "{sponsor}" is already paired with another unit in "{other}" (row {otherRow}) over an overlapping period.',
  },

  // A merger of units (`twinning roster merge`): refusals.
  'roster.merge.dateInvalid': {
    vi: 'Ngày sáp nhập «{value}» không hợp lệ; dùng dạng yyyy-mm-dd hoặc dd/mm/yyyy.',
    en: 'The merger date "{value}" is invalid; use yyyy-mm-dd or dd/mm/yyyy.',
  },
  'roster.merge.fromMissing': {
    vi: 'Chưa nêu đơn vị nào được sáp nhập (--from A,B).',
    en: 'No unit to merge was given (--from A,B).',
  },
  'roster.merge.intoUnknown': {
    vi: 'Đơn vị tiếp nhận «{code}» không có trong danh sách đơn vị.',
    en: 'The unit to merge into, "{code}", is not in the roster.',
  },
  'roster.merge.fromUnknown': {
    vi: 'Đơn vị được sáp nhập «{code}» không có trong danh sách đơn vị.',
    en: 'The unit to merge, "{code}", is not in the roster.',
  },
  'roster.merge.sidesDiffer': {
    vi: '«{code}» (loại {kind}) và «{into}» (loại {intoKind}) không cùng một bên: bên kết nghĩa chỉ sáp nhập vào bên kết nghĩa, bên được kết nghĩa chỉ sáp nhập vào bên được kết nghĩa.',
    en: '"{code}" (kind {kind}) and "{into}" (kind {intoKind}) are not on the same side: a sponsor merges only into a sponsor, a recipient only into a recipient.',
  },
  'roster.merge.alreadyMerged': {
    vi: 'Đơn vị «{code}» đã được sáp nhập vào «{successor}» từ ngày {since}.',
    en: 'The unit "{code}" was already merged into "{successor}" from {since}.',
  },
  'roster.merge.alreadyMergedUndated': {
    vi: 'Đơn vị «{code}» đã được sáp nhập vào «{successor}».',
    en: 'The unit "{code}" was already merged into "{successor}".',
  },
  'roster.merge.notValidOn': {
    vi: 'Đơn vị «{code}» không tồn tại vào ngày {date} (thời gian tồn tại: {from} – {to}).',
    en: 'The unit "{code}" does not exist on {date} (it exists {from} – {to}).',
  },
  'roster.merge.pairStartsLater': {
    vi: 'Cặp «{pair}» của «{code}» bắt đầu ngày {from}, không trước ngày sáp nhập {date}: hãy sửa cặp này trong danh sách trước.',
    en: 'The pair "{pair}" of "{code}" starts on {from}, not before the merger date {date}: change that pair in the roster first.',
  },
  'roster.merge.pairCodeTaken': {
    vi: 'Mã cặp kế tiếp «{code}» đã được dùng cho cặp {sponsor} – {recipient}.',
    en: 'The successor pair code "{code}" is already used by the pair {sponsor} – {recipient}.',
  },
  'roster.merge.refused': {
    vi: 'Không sáp nhập: {count} lỗi; không có gì được ghi vào cơ sở dữ liệu.',
    en: 'Nothing merged: {count} error(s); nothing was written to the database.',
  },

  // A merger: what was done. `{list}` is a list of codes, or — when empty.
  'roster.merge.reason': {
    vi: 'Sáp nhập {units} vào {into} từ ngày {date}',
    en: 'Merger of {units} into {into} from {date}',
  },
  'roster.merge.done.units': {
    vi: 'Sáp nhập vào «{into}» từ ngày {date} ({count} đơn vị): {list}.',
    en: 'Merged into "{into}" from {date} ({count} unit(s)): {list}.',
  },
  'roster.merge.done.already': {
    vi: 'Đã sáp nhập từ trước, không ghi lại ({count} đơn vị): {list}.',
    en: 'Merged before, not written again ({count} unit(s)): {list}.',
  },
  'roster.merge.done.pairsEnded': {
    vi: 'Cặp kết thúc ngày {lastDay} ({count}): {list}.',
    en: 'Pairs ended on {lastDay} ({count}): {list}.',
  },
  'roster.merge.done.successorsCreated': {
    vi: 'Cặp kế tiếp tạo mới từ ngày {date} ({count}): {list}.',
    en: 'Successor pairs created from {date} ({count}): {list}.',
  },
  'roster.merge.done.successorsReused': {
    vi: 'Cặp kế tiếp dùng lại cặp đã có ({count}): {list}.',
    en: 'Existing pairs reused as successors ({count}): {list}.',
  },
  'roster.merge.done.cyclesTold': {
    vi: 'Chu kỳ năm {year} được báo kết thúc ngày {lastDay} ({count}): {list}.',
    en: 'Cycles of {year} told to end on {lastDay} ({count}): {list}.',
  },
  'roster.merge.done.cyclesAlreadyTold': {
    vi: 'Chu kỳ năm {year} đã được báo từ trước ({count}): {list}.',
    en: 'Cycles of {year} told before ({count}): {list}.',
  },
  'roster.merge.done.cyclesNotRunning': {
    vi: 'Cặp không có chu kỳ năm {year} đang chạy ({count}): {list}.',
    en: 'Pairs without a running cycle of {year} ({count}): {list}.',
  },
  'roster.merge.done.cycleRefused': {
    vi: 'Chu kỳ của cặp {pair} năm {year} không nhận lệnh kết thúc: {reason}',
    en: 'The cycle of pair {pair} for {year} refused the end of its period: {reason}',
  },
  'roster.merge.done.cyclesOpened': {
    vi: 'Chu kỳ năm {year} được khởi động ({count}): {list}.',
    en: 'Cycles of {year} started ({count}): {list}.',
  },
  'roster.merge.done.yearNotOpen': {
    vi: 'Năm {year} chưa được mở: chu kỳ của các cặp kế tiếp sẽ bắt đầu khi mở năm (twinning cycle open --year {year}).',
    en: "The year {year} is not open yet: the successor pairs' cycles start when it opens (twinning cycle open --year {year}).",
  },
  'roster.merge.engineFailed': {
    vi: 'Việc sáp nhập đã được ghi vào cơ sở dữ liệu, nhưng chưa báo được cho máy chủ Temporal ({detail}): hãy chạy lại lệnh để hoàn tất.',
    en: 'The merger is saved in the database, but the Temporal server could not be told ({detail}): run the command again to finish.',
  },

  // Outcome of an import.
  'roster.invalid': {
    vi: 'Danh sách có {count} lỗi; không có gì được ghi vào cơ sở dữ liệu.',
    en: 'The roster has {count} error(s); nothing was written to the database.',
  },
  'roster.summary.units': {
    vi: 'Đơn vị: {created} thêm mới, {updated} cập nhật, {unchanged} không đổi.',
    en: 'Units: {created} created, {updated} updated, {unchanged} unchanged.',
  },
  'roster.summary.pairs': {
    vi: 'Cặp kết nghĩa: {created} thêm mới, {updated} cập nhật, {unchanged} không đổi.',
    en: 'Pairs: {created} created, {updated} updated, {unchanged} unchanged.',
  },
  'roster.summary.dryRun': {
    vi: 'Chạy thử: không có gì được ghi vào cơ sở dữ liệu.',
    en: 'Dry run: nothing was written to the database.',
  },
  'roster.summary.staffYear': {
    vi: 'Số biên chế được ghi cho năm {year}.',
    en: 'Staff counts were recorded for the year {year}.',
  },
  'roster.list.empty': {
    vi: 'Chưa có đơn vị nào trong danh sách.',
    en: 'The roster has no units yet.',
  },
} as const satisfies CatalogueSection;
