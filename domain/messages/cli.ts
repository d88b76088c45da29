import type { CatalogueSection } from './catalogue';

/**
 * Messages of the command-line program itself (cli/main.ts): a command line it cannot parse, and a service it
 * cannot reach. `{detail}` is commander's own description of the problem (it names the option or argument).
 */
export const cliMessages = {
  'cli.unknownCommand': {
    vi: 'Không có lệnh này ({detail}). Xem `twinning --help`.',
    en: 'No such command ({detail}). See `twinning --help`.',
  },
  'cli.unknownOption': {
    vi: 'Lệnh không có tùy chọn này ({detail}). Thêm `--help` sau lệnh để xem các tùy chọn.',
    en: 'The command has no such option ({detail}). Add `--help` after the command to see its options.',
  },
  'cli.missingArgument': {
    vi: 'Thiếu đối số của lệnh ({detail}). Thêm `--help` sau lệnh để xem cách dùng.',
    en: 'An argument of the command is missing ({detail}). Add `--help` after the command to see how to use it.',
  },
  'cli.optionMissingArgument': {
    vi: 'Tùy chọn thiếu giá trị ({detail}).',
    en: 'An option has no value ({detail}).',
  },
  'cli.missingMandatoryOption': {
    vi: 'Thiếu tùy chọn bắt buộc ({detail}). Thêm `--help` sau lệnh để xem các tùy chọn.',
    en: 'A required option is missing ({detail}). Add `--help` after the command to see its options.',
  },
  'cli.excessArguments': {
    vi: 'Lệnh nhận ít đối số hơn ({detail}). Thêm `--help` sau lệnh để xem cách dùng.',
    en: 'The command takes fewer arguments ({detail}). Add `--help` after the command to see how to use it.',
  },
  'cli.invalidArgument': {
    vi: 'Giá trị không hợp lệ ({detail}).',
    en: 'Invalid value ({detail}).',
  },
  'cli.missingSubcommand': {
    vi: 'Hãy chọn một lệnh con trong danh sách trên.',
    en: 'Choose one of the subcommands listed above.',
  },
  'cli.usage': {
    vi: 'Không hiểu dòng lệnh ({detail}). Xem `twinning --help`.',
    en: 'The command line is not understood ({detail}). See `twinning --help`.',
  },
  'cli.invalidObligation': {
    vi: 'Nghĩa vụ không hợp lệ: «{value}» (O1…O7).',
    en: 'Unknown obligation "{value}" (O1…O7).',
  },
  'cli.invalidPhase': {
    vi: 'Giai đoạn không hợp lệ: «{value}» ({allowed}).',
    en: 'Unknown phase "{value}" ({allowed}).',
  },
  'cli.noCycle': {
    vi: 'Cặp «{pair}» không có chu kỳ năm {year} (hãy kiểm tra mã cặp hoặc chạy `twinning cycle open --year {year}`).',
    en: 'Pair "{pair}" has no cycle in {year} (check the pair code or run `twinning cycle open --year {year}`).',
  },
  'cli.temporalUnreachable': {
    vi: 'Không kết nối được máy chủ Temporal: hãy chạy `npm start` hoặc kiểm tra TEMPORAL_ADDRESS.',
    en: 'Cannot reach the Temporal server: run `npm start` or check TEMPORAL_ADDRESS.',
  },
  'cli.databaseUnreachable': {
    vi: 'Không kết nối được cơ sở dữ liệu: hãy chạy `npm start` hoặc kiểm tra DATABASE_URL.',
    en: 'Cannot reach the database: run `npm start` or check DATABASE_URL.',
  },
  'cli.unstorableArgument': {
    vi: 'Đối số thứ {position} («{shown}») có ký tự NUL hoặc một nửa ký tự Unicode đứng riêng, không lưu được; không có gì được chạy.',
    en: 'Argument {position} ("{shown}") holds a NUL character or half of a Unicode character on its own, which cannot be stored; nothing was run.',
  },
} as const satisfies CatalogueSection;
