/** What the web server is built from: clients, configuration, and the clock tests move. */
import type { Transporter } from 'nodemailer';
import type { PrismaClient } from '../generated/prisma';
import type { PayloadCodec } from '@temporalio/common';
import type { HealthDeps } from '../system/health';
import type { AppConfig } from '../worker/config';

/** The configuration the web server reads (mail settings for account messages, `web` for itself). */
export type WebConfig = Pick<AppConfig, 'smtp' | 'mail' | 'lang' | 'web'>;

/** What the web server needs. */
export interface WebDeps extends HealthDeps {
  readonly prisma: PrismaClient;
  /** Sends account messages (invitations, resets) and answers the SMTP health check. */
  readonly mailer: Transporter;
  readonly config: WebConfig;
  /** Signs the session cookie (`SESSION_SECRET`, at least 32 characters). */
  readonly sessionSecret: string;
  readonly temporalUiUrl: string;
  /** The payload codec the Temporal UI's codec endpoint decodes with (web/api/codec.ts); none: 503 there. */
  readonly payloadCodec?: () => Promise<PayloadCodec>;
  /** Where the embedded SMTP catcher keeps messages (`<DATA_DIR>/outbox`), for the Outbox page. */
  readonly outboxDir?: string;
  /** The status file of `npm start`'s supervisor (`<DATA_DIR>/supervisor.json`), for the landing page. */
  readonly supervisionStatusFile?: string;
  /**
   * The clock of pages, sessions (idle and absolute timeouts), lock-outs and links (tests inject one); default:
   * the system clock. The rate limiter keeps its own (real) clock.
   */
  readonly now?: () => Date;
  /** Where Chromium is, for the year-end report's PDF (default: Debian's `/usr/bin/chromium`). */
  readonly chromiumPath?: string;
  /** Sign-in and reset requests per client address and minute; default 20. */
  readonly signInRateLimitPerMinute?: number;
}

/** {@link WebDeps} with the clock resolved, as route modules get them. */
export type RouteDeps = WebDeps & { readonly now: () => Date };
