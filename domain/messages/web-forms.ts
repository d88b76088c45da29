import type { CatalogueSection } from './catalogue';

/**
 * Texts of the officers' submission forms on the pair page (O1–O6) and of attached documents: labels, the
 * notices after a form, and why a file is refused.
 */
export const webFormMessages = {
  'webForms.heading': { vi: 'Nộp hồ sơ', en: 'Submit documents' },
  'webForms.send': { vi: 'Gửi', en: 'Send' },
  'webForms.accepted': {
    vi: 'Đã nhận {obligationVi} ({obligation}) của cặp {pair} năm {year}.',
    en: 'The {obligationEn} ({obligation}) of pair {pair}, {year}, was accepted.',
  },
  'webForms.signed': {
    vi: 'Đã ghi nhận chữ ký của {sideVi} — cặp {pair} năm {year}; đã lưu văn bản «{filename}» (SHA-256 {sha256}).',
    en: 'The signature of the {sideEn} was recorded — pair {pair}, {year}; the document "{filename}" was kept (SHA-256 {sha256}).',
  },
  'webForms.progressAccepted': {
    vi: 'Đã ghi nhận kết quả thực hiện (O4) của cặp {pair} năm {year}.',
    en: 'The progress entry (O4) of pair {pair}, {year}, was recorded.',
  },

  'webForms.plan.title': {
    vi: 'Kế hoạch triển khai và phân công theo dõi (O1)',
    en: 'Implementation plan and monitoring assignment (O1)',
  },
  'webForms.plan.summary': { vi: 'Kế hoạch triển khai', en: 'Implementation plan' },
  'webForms.plan.monitoring': {
    vi: 'Phân công theo dõi, chỉ đạo (tổ công tác kết nghĩa, quy chế hoạt động)',
    en: 'Who follows and directs the work (the twinning working group and its rules)',
  },

  'webForms.needs.title': { vi: 'Đề xuất nhu cầu (O2)', en: 'Needs proposal (O2)' },
  'webForms.needs.summary': { vi: 'Nội dung đề xuất', en: 'What is proposed' },
  'webForms.needs.items': {
    vi: 'Các hạng mục đề xuất (để trống những dòng không dùng)',
    en: 'Items proposed (leave unused rows empty)',
  },
  'webForms.needs.item': { vi: 'Hạng mục {n}', en: 'Item {n}' },
  'webForms.needs.amount': { vi: 'Kinh phí dự kiến (đồng)', en: 'Estimated amount (đồng)' },

  'webForms.field.category': { vi: 'Lĩnh vực', en: 'Category' },
  'webForms.field.description': { vi: 'Mô tả', en: 'Description' },
  'webForms.category.none': { vi: '— chọn lĩnh vực —', en: '— choose a category —' },
  'webForms.category.SOCIO_ECONOMIC': {
    vi: 'Đầu tư phát triển kinh tế – xã hội',
    en: 'Investment in economic and social development',
  },
  'webForms.category.POLITICAL_SYSTEM': {
    vi: 'Xây dựng hệ thống chính trị vững mạnh (đào tạo, nâng cao năng lực cán bộ cơ sở)',
    en: 'Building a strong political system (training local officials)',
  },
  'webForms.category.PROPAGANDA': {
    vi: 'Thông tin, tuyên truyền, vận động nhân dân',
    en: 'Information and mobilisation of the people',
  },
  'webForms.category.SOCIAL_SECURITY': { vi: 'An sinh xã hội', en: 'Social security' },
  'webForms.category.OTHER': { vi: 'Khác', en: 'Other' },
  'webForms.amount.hint': {
    vi: 'Số đồng nguyên, không có phần thập phân; có thể viết 200.000.000.',
    en: 'Whole đồng, no decimals; 200,000,000 may be written with separators.',
  },

  'webForms.sign.title': { vi: 'Ký chương trình kết nghĩa (O3)', en: 'Sign the twinning programme (O3)' },
  'webForms.sign.signedOn': { vi: 'Ngày ký', en: 'Signed on' },
  'webForms.sign.signatory': { vi: 'Người ký (họ tên, chức vụ)', en: 'Signatory (name, position)' },
  'webForms.sign.document': { vi: 'Văn bản đã ký', en: 'The signed document' },
  'webForms.sign.documentHint': {
    vi: 'Bản PDF hoặc ảnh quét PNG, JPEG, tối đa 10 MB.',
    en: 'A PDF, or a PNG or JPEG scan, at most 10 MB.',
  },

  'webForms.progress.title': { vi: 'Kết quả thực hiện (O4)', en: 'Progress entry (O4)' },
  'webForms.progress.households': { vi: 'Số hộ nghèo được giúp đỡ', en: 'Poor households helped' },
  'webForms.progress.amount': { vi: 'Kinh phí hỗ trợ (đồng)', en: 'Money given (đồng)' },
  'webForms.progress.modelsBuilt': {
    vi: 'Số mô hình sinh kế xây dựng, củng cố',
    en: 'Livelihood models built or strengthened',
  },
  'webForms.progress.modelsReplicated': { vi: 'Số mô hình được nhân rộng', en: 'Models copied' },
  'webForms.progress.studyTours': {
    vi: 'Số chuyến tham quan học tập mô hình',
    en: 'Study tours of models',
  },
  'webForms.progress.commune': {
    vi: 'Mã xã được giúp (khi cặp giúp nhiều xã)',
    en: 'Code of the commune helped (when the pair covers several)',
  },
  'webForms.progress.description': { vi: 'Nội dung hỗ trợ', en: 'What was done' },
  'webForms.progress.beneficiaries': {
    vi: 'Các hộ được giúp đỡ (mỗi dòng một hộ)',
    en: 'Households helped (one per line)',
  },
  'webForms.progress.beneficiariesHint': {
    vi: 'Tên hộ là dữ liệu cá nhân: chỉ người được xem cặp kết nghĩa này mới thấy.',
    en: 'Household names are personal data: only those who may see this pair see them.',
  },
  'webForms.count.hint': {
    vi: 'Số nguyên, từ 0; để trống là 0.',
    en: 'A whole number, from 0; empty means 0.',
  },

  'webForms.report.title.O5': {
    vi: 'Báo cáo sơ kết và nhận xét, đánh giá đơn vị được giúp đỡ (O5)',
    en: 'Year-end report and assessment of the recipient (O5)',
  },
  'webForms.report.title.O6': {
    vi: 'Báo cáo kết quả và nhận xét, đánh giá đơn vị giúp đỡ (O6)',
    en: 'Year-end results report and assessment of the sponsor (O6)',
  },
  'webForms.report.summary': { vi: 'Báo cáo', en: 'Report' },
  'webForms.report.assessment.O5': {
    vi: 'Nhận xét, đánh giá đơn vị được giúp đỡ',
    en: 'Assessment of the recipient',
  },
  'webForms.report.assessment.O6': {
    vi: 'Nhận xét, đánh giá đơn vị giúp đỡ',
    en: 'Assessment of the sponsor',
  },

  'webForms.attachments.heading': { vi: 'Văn bản đính kèm', en: 'Attached documents' },
  'webForms.attachments.none': { vi: 'Chưa có văn bản nào.', en: 'No document yet.' },
  'webForms.attachments.side': { vi: 'Bên nộp', en: 'Submitted by' },
  'webForms.attachments.file': { vi: 'Tệp', en: 'File' },
  'webForms.attachments.size': { vi: 'Dung lượng', en: 'Size' },
  'webForms.attachments.bytes': { vi: '{size} byte', en: '{size} bytes' },
  'webForms.attachments.at': { vi: 'Lưu lúc', en: 'Kept at' },

  'webForms.file.missing': {
    vi: 'Hãy đính kèm văn bản đã ký: bản PDF hoặc ảnh quét PNG, JPEG, tối đa 10 MB.',
    en: 'Attach the signed document: a PDF, or a PNG or JPEG scan, at most 10 MB.',
  },
  'webForms.file.noName': {
    vi: 'Tệp đính kèm không có tên; hãy chọn lại tệp.',
    en: 'The attached file has no name; choose the file again.',
  },
  'webForms.file.nameTooLong': {
    vi: 'Tên tệp dài quá {max} ký tự; hãy đổi tên tệp rồi gửi lại.',
    en: 'The file name is longer than {max} characters; rename the file and send it again.',
  },
  'webForms.file.extension': {
    vi: 'Tệp «{filename}» không phải .pdf, .png, .jpg hay .jpeg: chỉ nhận bản PDF hoặc ảnh quét PNG, JPEG.',
    en: 'The file "{filename}" is not a .pdf, .png, .jpg or .jpeg: only a PDF or a PNG or JPEG scan is accepted.',
  },
  'webForms.file.empty': { vi: 'Tệp «{filename}» rỗng.', en: 'The file "{filename}" is empty.' },
  'webForms.file.tooLarge': {
    vi: 'Tệp «{filename}» lớn quá giới hạn {megabytes} MB.',
    en: 'The file "{filename}" is larger than the limit of {megabytes} MB.',
  },
  'webForms.file.notDocument': {
    vi: 'Nội dung tệp «{filename}» không phải PDF, PNG hay JPEG (tệp được kiểm tra theo nội dung, không theo tên).',
    en: 'The content of "{filename}" is not a PDF, PNG or JPEG (files are judged by their content, not their name).',
  },
  'webForms.file.mismatch': {
    vi: 'Tệp «{filename}» mang tên hoặc kiểu {claimed} nhưng nội dung là {actual}; không nhận tệp này.',
    en: 'The file "{filename}" is named or typed {claimed} but its content is {actual}; it is not accepted.',
  },
  'webForms.api.data': {
    vi: 'Trường «data» phải là văn bản JSON của một đối tượng.',
    en: 'The field "data" must be the JSON text of an object.',
  },
  'webForms.api.dataProto': {
    vi: 'Trường «data» không được có khoá «__proto__».',
    en: 'The field "data" may not have a "__proto__" key.',
  },
} as const satisfies CatalogueSection;
