import type { CatalogueSection } from './catalogue';

/** Texts of accounts: sign-in, passwords, invitations, the user pages and the `twinning user` commands. */
export const authMessages = {
  'auth.role.ADMIN': { vi: 'Quản trị (Ban Dân tộc)', en: 'Administrator (Ethnic Affairs Committee)' },
  'auth.role.LEADERSHIP': { vi: 'Lãnh đạo (UBND tỉnh)', en: 'Leadership (Provincial People’s Committee)' },
  'auth.role.SPONSOR_OFFICER': { vi: 'Cán bộ đơn vị giúp đỡ', en: 'Sponsor officer' },
  'auth.role.RECIPIENT_OFFICER': { vi: 'Cán bộ đơn vị được giúp đỡ', en: 'Recipient officer' },
  'auth.status.active': { vi: 'Đang hoạt động', en: 'Active' },
  'auth.status.invited': { vi: 'Chưa đặt mật khẩu', en: 'No password yet' },
  'auth.status.locked': { vi: 'Tạm khoá đến {until}', en: 'Locked until {until}' },
  'auth.status.disabled': { vi: 'Đã vô hiệu hoá', en: 'Disabled' },

  'auth.signIn.title': { vi: 'Đăng nhập', en: 'Sign in' },
  'auth.signIn.email': { vi: 'Địa chỉ thư điện tử', en: 'E-mail address' },
  'auth.signIn.password': { vi: 'Mật khẩu', en: 'Password' },
  'auth.signIn.submit': { vi: 'Đăng nhập', en: 'Sign in' },
  'auth.signIn.forgot': { vi: 'Quên mật khẩu?', en: 'Forgot your password?' },
  'auth.signIn.failed': {
    vi: 'Địa chỉ thư điện tử hoặc mật khẩu không đúng.',
    en: 'The e-mail address or the password is wrong.',
  },
  'auth.signIn.locked': {
    vi: 'Tài khoản tạm khoá vì nhập sai mật khẩu {count} lần liên tiếp. Hãy thử lại sau {until}, hoặc đặt lại mật khẩu qua «Quên mật khẩu?».',
    en: 'This account is locked for now after {count} wrong passwords in a row. Try again after {until}, or reset the password with "Forgot your password?".',
  },
  'auth.signIn.required': {
    vi: 'Hãy đăng nhập để xem trang này.',
    en: 'Sign in to see this page.',
  },
  'auth.signIn.expiredIdle': {
    vi: 'Phiên đăng nhập đã kết thúc vì không hoạt động quá {minutes} phút. Hãy đăng nhập lại.',
    en: 'Your session ended after {minutes} minutes without activity. Sign in again.',
  },
  'auth.signIn.expiredAbsolute': {
    vi: 'Phiên đăng nhập đã kết thúc sau {hours} giờ. Hãy đăng nhập lại.',
    en: 'Your session ended after {hours} hours. Sign in again.',
  },
  'auth.signOut': { vi: 'Đăng xuất', en: 'Sign out' },
  'auth.signedOut': { vi: 'Bạn đã đăng xuất.', en: 'You have signed out.' },
  'auth.signedInAs': { vi: '{name} — {role}', en: '{name} — {role}' },

  'auth.password.tooShort': {
    vi: 'Mật khẩu phải có ít nhất 10 ký tự.',
    en: 'The password must be at least 10 characters long.',
  },
  'auth.password.tooLong': {
    vi: 'Mật khẩu dài quá 200 ký tự.',
    en: 'The password is longer than 200 characters.',
  },
  'auth.password.mismatch': {
    vi: 'Hai lần nhập mật khẩu không giống nhau.',
    en: 'The two passwords are not the same.',
  },
  'auth.password.title': { vi: 'Đặt mật khẩu', en: 'Set your password' },
  'auth.password.intro': {
    vi: 'Đặt mật khẩu cho tài khoản {email}. Mật khẩu có ít nhất 10 ký tự.',
    en: 'Set the password of the account {email}. A password has at least 10 characters.',
  },
  'auth.password.new': { vi: 'Mật khẩu mới', en: 'New password' },
  'auth.password.confirm': { vi: 'Nhập lại mật khẩu mới', en: 'New password again' },
  'auth.password.submit': { vi: 'Lưu mật khẩu', en: 'Save the password' },
  'auth.password.done': {
    vi: 'Đã lưu mật khẩu. Hãy đăng nhập bằng mật khẩu mới.',
    en: 'The password is saved. Sign in with the new password.',
  },
  'auth.link.invalid': {
    vi: 'Liên kết không hợp lệ, đã dùng hoặc đã hết hạn. Hãy yêu cầu liên kết mới qua «Quên mật khẩu?» hoặc nhờ quản trị viên gửi lại lời mời.',
    en: 'This link is invalid, used or expired. Ask for a new one with "Forgot your password?" or ask an administrator to invite you again.',
  },

  'auth.forgot.title': { vi: 'Quên mật khẩu', en: 'Forgotten password' },
  'auth.forgot.intro': {
    vi: 'Nhập địa chỉ thư điện tử của tài khoản; chúng tôi sẽ gửi một liên kết để đặt mật khẩu mới (hiệu lực 1 giờ).',
    en: 'Enter the e-mail address of your account; we will send a link to set a new password (valid for 1 hour).',
  },
  'auth.forgot.submit': { vi: 'Gửi liên kết', en: 'Send the link' },
  'auth.forgot.sent': {
    vi: 'Nếu địa chỉ này thuộc một tài khoản đang hoạt động, thư có liên kết đặt lại mật khẩu đã được gửi đến đó.',
    en: 'If this address belongs to an active account, a message with a link to reset the password has been sent to it.',
  },

  'auth.user.email': { vi: 'Địa chỉ thư điện tử', en: 'E-mail address' },
  'auth.user.name': { vi: 'Họ và tên', en: 'Name' },
  'auth.user.role': { vi: 'Vai trò', en: 'Role' },
  'auth.user.unit': { vi: 'Đơn vị', en: 'Unit' },
  'auth.user.unitHint': {
    vi: 'Mã đơn vị, bắt buộc với cán bộ (ví dụ SO-TC)',
    en: 'Unit code, required for officers (for example SO-TC)',
  },
  'auth.user.status': { vi: 'Trạng thái', en: 'Status' },
  'auth.user.lastSignIn': { vi: 'Đăng nhập gần nhất', en: 'Last sign-in' },
  'auth.user.never': { vi: 'Chưa lần nào', en: 'Never' },
  'auth.user.badEmail': {
    vi: '«{value}» không phải là địa chỉ thư điện tử.',
    en: '"{value}" is not an e-mail address.',
  },
  'auth.user.badRole': {
    vi: 'Vai trò «{value}» không có; hãy chọn ADMIN, LEADERSHIP, SPONSOR_OFFICER hoặc RECIPIENT_OFFICER.',
    en: 'There is no role "{value}"; choose ADMIN, LEADERSHIP, SPONSOR_OFFICER or RECIPIENT_OFFICER.',
  },
  'auth.user.nameRequired': {
    vi: 'Hãy ghi họ và tên (tối đa 200 ký tự).',
    en: 'Write the name (at most 200 characters).',
  },
  'auth.user.unitRequired': {
    vi: 'Cán bộ phải thuộc một đơn vị: hãy ghi mã đơn vị.',
    en: 'An officer belongs to a unit: give the unit code.',
  },
  'auth.user.unitWrongSide': {
    vi: 'Đơn vị «{unit}» không thuộc phía của vai trò này: cán bộ đơn vị giúp đỡ thuộc sở, ngành hoặc huyện, xã đồng bằng; cán bộ đơn vị được giúp đỡ thuộc huyện, xã miền núi.',
    en: 'Unit "{unit}" is not on this role’s side: a sponsor officer belongs to a department or a lowland district or commune; a recipient officer to a mountain district or commune.',
  },
  'auth.user.unitNotAllowed': {
    vi: 'Quản trị viên và lãnh đạo không thuộc đơn vị nào: hãy bỏ mã đơn vị.',
    en: 'Administrators and leadership belong to no unit: leave the unit out.',
  },
  'auth.user.exists': {
    vi: 'Đã có tài khoản với địa chỉ {email}.',
    en: 'An account with the address {email} already exists.',
  },
  'auth.user.notFound': {
    vi: 'Không có tài khoản với địa chỉ {email}.',
    en: 'There is no account with the address {email}.',
  },
  'auth.user.isDisabled': {
    vi: 'Tài khoản {email} đã bị vô hiệu hoá.',
    en: 'The account {email} is disabled.',
  },
  'auth.user.invited': {
    vi: 'Đã mời {email}: thư có liên kết đặt mật khẩu đã được gửi, hiệu lực đến {until}.',
    en: 'Invited {email}: a message with a link to set the password was sent, valid until {until}.',
  },
  'auth.user.resetSent': {
    vi: 'Đã gửi đến {email} thư có liên kết đặt lại mật khẩu, hiệu lực đến {until}.',
    en: 'Sent {email} a message with a link to reset the password, valid until {until}.',
  },
  'auth.user.mailFailed': {
    vi: 'Không gửi được thư đến {email}: {error}. Tài khoản vẫn được giữ; hãy gửi lại bằng «đặt lại mật khẩu» khi máy chủ thư hoạt động.',
    en: 'The message to {email} could not be sent: {error}. The account is kept; send it again with "reset password" once the mail server works.',
  },
  'auth.user.disabled': {
    vi: 'Đã vô hiệu hoá tài khoản {email}; mọi phiên đăng nhập của tài khoản đã kết thúc.',
    en: 'Disabled the account {email}; all of its sessions have ended.',
  },
  'auth.user.alreadyDisabled': {
    vi: 'Tài khoản {email} đã bị vô hiệu hoá từ trước.',
    en: 'The account {email} was already disabled.',
  },
  'auth.user.notSelf': {
    vi: 'Bạn không thể tự vô hiệu hoá tài khoản của mình.',
    en: 'You cannot disable your own account.',
  },
  'auth.users.title': { vi: 'Người dùng', en: 'Users' },
  'auth.users.none': { vi: 'Chưa có người dùng nào.', en: 'There are no users yet.' },
  'auth.users.invite': { vi: 'Mời người dùng mới', en: 'Invite a new user' },
  'auth.users.inviteSubmit': { vi: 'Gửi lời mời', en: 'Send the invitation' },
  'auth.users.disable': { vi: 'Vô hiệu hoá', en: 'Disable' },
  'auth.users.reset': { vi: 'Gửi liên kết đặt lại mật khẩu', en: 'Send a password reset link' },

  'auth.setup.link': {
    vi: 'Chưa có quản trị viên nào đặt mật khẩu. Mở liên kết sau (dùng một lần, hiệu lực đến {until}) để đặt mật khẩu cho {email}: {link}',
    en: 'No administrator has a password yet. Open this link (once, valid until {until}) to set the password of {email}: {link}',
  },
  'auth.secret.invalid': {
    vi: 'Tệp {file} chứa khoá phiên ngắn hơn 32 ký tự: hãy xoá tệp để tạo khoá mới (mọi phiên đăng nhập sẽ kết thúc) hoặc đặt biến SESSION_SECRET.',
    en: 'The file {file} holds a session secret shorter than 32 characters: delete it to generate a new one (every session ends) or set SESSION_SECRET.',
  },
  'auth.secret.missing': {
    vi: 'Chưa đặt biến SESSION_SECRET (ít nhất 32 ký tự, ngẫu nhiên) cho máy chủ web; `npm start` tự tạo khoá này, còn khi chạy riêng máy chủ web thì phải đặt.',
    en: 'SESSION_SECRET is not set (at least 32 random characters) for the web server; `npm start` generates one, a web server run on its own needs it set.',
  },
  'auth.cli.none': { vi: 'Chưa có người dùng nào.', en: 'There are no users yet.' },
} as const satisfies CatalogueSection;
