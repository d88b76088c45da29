/**
 * "Danh sách đơn vị / Roster" (administrators): upload a roster file, see its dry run or every problem of it,
 * then confirm to import exactly the file checked (`services/roster-upload.ts`, the import of
 * `twinning roster import`). A refused confirmation writes nothing and says why (409).
 */
import { CYCLE_YEARS, isCycleYear } from '../../domain/cycle/years';
import { currentYearInVietnam } from '../../roster/import';
import {
  applyRosterUpload,
  checkRosterUpload,
  type RosterCheck,
  type RosterUploadFile,
} from '../../services/roster-upload';
import { webActor } from '../api/actions';
import { requirePermission, setNotice } from '../auth/access';
import type { WebApp } from '../context';
import type { RouteDeps } from '../deps';
import { formFile, formText, type UploadedFile } from '../forms';
import { textOf } from '../i18n';
import { pageContext, redirectAfterPost, sendPage } from '../render';
import { renderRoster } from '../views/roster';

function fileOf(file: UploadedFile | undefined): RosterUploadFile | undefined {
  return file ? { name: file.filename, bytes: file.content } : undefined;
}

/**
 * Checks the upload of a form body (fields `roster`, `pairs`, `year`), for the page and the API alike: a year
 * of the staff counts that is not one is a problem of the upload like any other.
 */
export async function checkUploadOf(deps: RouteDeps, body: unknown, userId: string): Promise<RosterCheck> {
  const now = deps.now();
  const yearText = formText(body, 'year').trim();
  const staffYear = yearText === '' ? currentYearInVietnam(now) : Number(yearText);
  if (!isCycleYear(staffYear))
    return {
      ok: false,
      problems: [{ file: '', message: { key: 'invalid.year', params: { value: yearText, ...CYCLE_YEARS } } }],
    };
  const roster = fileOf(formFile(body, 'roster'));
  const pairs = fileOf(formFile(body, 'pairs'));
  return checkRosterUpload(
    deps.prisma,
    { ...(roster ? { roster } : {}), ...(pairs ? { pairs } : {}) },
    { userId, now, staffYear },
  );
}

/** Registers `/roster`, `POST /roster/check` and `POST /roster/apply`. */
export function registerRosterRoutes(app: WebApp, deps: RouteDeps): void {
  const counts = async () => {
    const [units, pairs] = await Promise.all([deps.prisma.unit.count(), deps.prisma.pair.count()]);
    return { units, pairs };
  };
  const defaultYear = () => String(currentYearInVietnam(deps.now()));

  app.get('/roster', async (request, reply) => {
    requirePermission(request, 'manage');
    const ctx = pageContext(request, reply, { forms: true });
    return sendPage(reply, renderRoster(ctx, { ...(await counts()), staffYear: defaultYear() }));
  });

  app.post('/roster/check', async (request, reply) => {
    const actor = requirePermission(request, 'manage');
    const check = await checkUploadOf(deps, request.body, actor.userId);
    const ctx = pageContext(request, reply, { forms: true });
    const staffYear = formText(request.body, 'year').trim() || defaultYear();
    return sendPage(
      reply,
      renderRoster(ctx, { ...(await counts()), staffYear, check }),
      check.ok ? 200 : 400,
    );
  });

  app.post('/roster/apply', async (request, reply) => {
    const actor = requirePermission(request, 'manage');
    const result = await applyRosterUpload(
      deps.prisma,
      { id: formText(request.body, 'upload'), sha256: formText(request.body, 'sha256') },
      { userId: actor.userId, actor: webActor(request), now: deps.now() },
    );
    if (!result.ok) {
      const ctx = pageContext(request, reply, { forms: true });
      const refusal = textOf(result.refusal.message, ctx.lang);
      return sendPage(
        reply,
        renderRoster(ctx, { ...(await counts()), staffYear: defaultYear(), refusal }),
        409,
      );
    }
    const { summary, sha256 } = result;
    setNotice(request, 'success', {
      key: 'page.roster.applied',
      params: {
        sha256,
        unitsCreated: summary.units.created,
        unitsUpdated: summary.units.updated,
        pairsCreated: summary.pairs.created,
        pairsUpdated: summary.pairs.updated,
      },
    });
    return redirectAfterPost(reply, '/roster');
  });
}
