/**
 * Driving the embedded system's web pages in Chromium as its users do: the landing page's health table, the
 * first administrator's one-time setup link, inviting a user through the users page and reading the invitation
 * from the outbox, signing in. Used by the end-to-end tests of `npm start`.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { eventually } from './eventually';

/** The parts' health and the roster line of the landing page. */
export interface LandingParts {
  readonly parts: Record<string, string>;
  readonly roster: string;
  readonly temporalUi: string;
}

/** Reads the landing page once. */
export async function landingParts(browser: Browser, base: string): Promise<LandingParts> {
  const page = await browser.newPage();
  try {
    await page.goto(`${base}/`);
    const rows = await page.locator('[data-testid=health] tbody tr').all();
    const parts: Record<string, string> = {};
    for (const row of rows) {
      parts[(await row.getAttribute('data-part')) ?? '?'] = (await row.getAttribute('data-ok')) ?? '?';
    }
    return {
      parts,
      roster: await page.locator('[data-testid=roster-summary]').innerText(),
      temporalUi: (await page.locator('[data-testid=temporal-ui]').getAttribute('href')) ?? '',
    };
  } finally {
    await page.close();
  }
}

/** Reads the landing page until every part is healthy (or the time is up: the caller asserts what it saw). */
export function waitUntilAllHealthy(
  browser: Browser,
  base: string,
  timeoutMs = 60_000,
): Promise<LandingParts> {
  return eventually(
    () => landingParts(browser, base),
    (seen) => Object.values(seen.parts).every((ok) => ok === 'true'),
    timeoutMs,
  );
}

/** The first administrator's address and one-time link, as `npm start` prints them. */
export function setupLinkOf(output: string): { email: string; link: string } | undefined {
  const match = /Open this link \(once, valid until [^)]+\) to set the password of (\S+): (\S+)/.exec(output);
  return match ? { email: match[1]!, link: match[2]! } : undefined;
}

/** Sets a password through a one-time link (invitation or setup) on the password page. */
export async function setPassword(page: Page, link: string, password: string): Promise<void> {
  await page.goto(link);
  await page.fill('[data-testid=password-form] input[name=password]', password);
  await page.fill('[data-testid=password-form] input[name=confirm]', password);
  await page.click('[data-testid=password-submit]');
  await page.waitForLoadState();
}

/** Signs in on the sign-in page and waits for the user's home page. */
export async function signIn(page: Page, base: string, email: string, password: string): Promise<void> {
  await page.goto(`${base}/sign-in`);
  await page.fill('[data-testid=sign-in-form] input[name=email]', email);
  await page.fill('[data-testid=sign-in-form] input[name=password]', password);
  await page.click('[data-testid=sign-in-submit]');
  await page.waitForURL(/\/home/);
}

/** A user to invite through the users page. */
export interface Invitee {
  readonly email: string;
  readonly name: string;
  readonly role: 'ADMIN' | 'LEADERSHIP' | 'SPONSOR_OFFICER' | 'RECIPIENT_OFFICER';
  readonly unit?: string;
}

/**
 * An administrator invites a user on the users page; the invitation's link is read from the outbox (the
 * embedded SMTP catcher), the user sets a password in a browser context of its own and signs in there.
 */
export async function inviteAndSignIn(
  admin: Page,
  browser: Browser,
  base: string,
  invitee: Invitee,
  password: string,
): Promise<{ context: BrowserContext; page: Page }> {
  await admin.goto(`${base}/users`);
  await admin.fill('[data-testid=invite-form] input[name=email]', invitee.email);
  await admin.fill('[data-testid=invite-form] input[name=name]', invitee.name);
  await admin.selectOption('[data-testid=invite-form] select[name=role]', invitee.role);
  if (invitee.unit) await admin.fill('[data-testid=invite-form] input[name=unit]', invitee.unit);
  await admin.click('[data-testid=invite-submit]');
  await admin.waitForURL(/\/users/);
  const link = await invitationLink(admin, base, invitee.email);
  const context = await browser.newContext();
  const page = await context.newPage();
  await setPassword(page, link, password);
  await signIn(page, base, invitee.email, password);
  return { context, page };
}

/** The set-password link of the newest message to `email` in the outbox (waits for its delivery). */
async function invitationLink(admin: Page, base: string, email: string): Promise<string> {
  // How long to wait for delivery (a duration only).
  const deadline = Date.now() + 60_000;
  for (;;) {
    await admin.goto(`${base}/outbox`);
    const row = admin.locator('[data-testid=outbox] tbody tr', { hasText: email }).first();
    if ((await row.count()) > 0) {
      await row.locator('a').first().click();
      const text = await admin.locator('pre.mail-text').innerText();
      const link = new RegExp(`${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/account/password\\?\\S+`).exec(
        text,
      );
      if (link) return link[0];
      throw new Error(`no set-password link in the message to ${email}:\n${text}`);
    }
    if (Date.now() > deadline) throw new Error(`no message to ${email} reached the outbox`);
    await new Promise((r) => setTimeout(r, 1000));
  }
}
