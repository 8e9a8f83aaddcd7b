// Messages of sign-in and the signed-in user box.
import { defineMessages } from '../define';

export default defineMessages({
  en: {
    'auth.title': 'Sign in to ServiceFlow',
    'auth.username': 'Username',
    'auth.password': 'Password',
    'auth.submit': 'Sign in',
    'auth.signingIn': 'Signing in…',
    'auth.failed': 'Username or password is wrong, or the account is deactivated.',
    'auth.expired': 'Your session has ended. Please sign in again.',
    'auth.firstStart': 'First start? The admin password was printed by “npm start” and saved in .data/admin-credentials.',
    'auth.logout': 'Sign out',
    'auth.signedInAs': 'Signed in as {name}',
    'auth.actingAs': 'Acting as',
  },
  'zh-CN': {
    'auth.title': '登录 ServiceFlow',
    'auth.username': '用户名',
    'auth.password': '密码',
    'auth.submit': '登录',
    'auth.signingIn': '正在登录…',
    'auth.failed': '用户名或密码错误，或账号已停用。',
    'auth.expired': '会话已结束，请重新登录。',
    'auth.firstStart': '首次启动？管理员密码已由“npm start”打印，并保存在 .data/admin-credentials 中。',
    'auth.logout': '退出登录',
    'auth.signedInAs': '已登录：{name}',
    'auth.actingAs': '当前角色',
  },
});
