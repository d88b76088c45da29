import type { CatalogueSection } from './catalogue';

/**
 * Messages of the Temporal payload codec and its keys (system/payload-codec.ts, system/payload-keys.ts). They
 * name key IDs and files, never a key or a payload's content.
 */
export const payloadMessages = {
  'payload.unknownKey': {
    vi: 'Không giải mã được dữ liệu Temporal: dữ liệu được mã hóa bằng khóa «{keyId}», khóa này không có trong các khóa đã cấu hình ({known}). Hãy thêm lại khóa cũ «{keyId}» vào cuối PAYLOAD_KEYS.',
    en: 'Cannot decrypt a Temporal payload: it was encrypted with key "{keyId}", which is not among the configured keys ({known}). Add the old key "{keyId}" back at the end of PAYLOAD_KEYS.',
  },
  'payload.tampered': {
    vi: 'Không giải mã được dữ liệu Temporal mã hóa bằng khóa «{keyId}»: mã xác thực không khớp (dữ liệu đã bị sửa, hoặc khóa cấu hình với mã «{keyId}» không phải khóa đã mã hóa nó).',
    en: 'Cannot decrypt a Temporal payload encrypted with key "{keyId}": the authentication tag does not match (the payload was altered, or the key configured as "{keyId}" is not the one that encrypted it).',
  },
  'payload.noKeyId': {
    vi: 'Không giải mã được dữ liệu Temporal: dữ liệu được mã hóa nhưng thiếu mục «{metadata}» cho biết khóa.',
    en: 'Cannot decrypt a Temporal payload: it is encrypted but has no "{metadata}" metadata naming its key.',
  },
  'payload.json.invalid': {
    vi: 'Yêu cầu giải mã không hợp lệ: cần {"payloads": [{"metadata": {…}, "data": "…"}]} với giá trị base64; {problem}.',
    en: 'Invalid codec request: expected {"payloads": [{"metadata": {…}, "data": "…"}]} with base64 values; {problem}.',
  },
  'payload.keysMissing': {
    vi: 'Chưa có khóa mã hóa dữ liệu Temporal: hãy đặt biến PAYLOAD_KEYS, hoặc chạy `npm start` một lần để tạo tệp khóa {file} cho máy chủ Temporal nhúng.',
    en: 'No Temporal payload key: set PAYLOAD_KEYS, or run `npm start` once, which creates the key file {file} for the embedded Temporal server.',
  },
  'payload.keyFileInvalid': {
    vi: 'Tệp khóa {file} không hợp lệ: {problem}.',
    en: 'The key file {file} is invalid: {problem}.',
  },
  'payload.keyFileOpen': {
    vi: 'Tệp khóa {file} cho người khác đọc được (quyền {mode}): hãy chạy `chmod 600 {file}`.',
    en: 'The key file {file} can be read by others (mode {mode}): run `chmod 600 {file}`.',
  },
} as const satisfies CatalogueSection;
