/**
 * Every route of the route table × anonymous and one user of each role: exactly the roles the table allows get
 * through (neither 401 nor 403); the others get 401 (anonymous; pages send them to the sign-in page) or 403.
 * Public routes are walked anonymously only (signing out or in would end the walking agent's session).
 */
import type { Role } from '../../domain/access';
import { ROLES } from '../../domain/accounts';
import { ROUTES, rolesAllowed, type RoutePolicy } from '../../web/routes/policy';
import { startWebWorld, USERS, type Agent, type WebWorld } from '../support/web';

let world: WebWorld;
const agents = new Map<Role, Agent>();
beforeAll(async () => {
  world = await startWebWorld({ signInRateLimitPerMinute: 100 });
  for (const role of ROLES) {
    const agent = world.agent();
    expect((await agent.signIn(USERS[role].email)).statusCode).toBe(303);
    agents.set(role, agent);
  }
});
afterAll(async () => {
  await world?.close();
});

function agentOf(role: Role): Agent {
  const agent = agents.get(role);
  if (!agent) throw new Error(`no agent for ${role}`);
  return agent;
}

/** A concrete URL of a route pattern: P01 is in every seeded user's scope. */
function urlOf(route: RoutePolicy): string {
  return route.url
    .replace(':code', 'P01')
    .replace(':id', 'no-such-id')
    .replace(':year', '2026')
    .replace(/\*$/, route.url.startsWith('/assets') ? 'app.css' : '');
}

async function call(agent: Agent, route: RoutePolicy): Promise<number> {
  const url = urlOf(route);
  if (route.method === 'GET') return (await agent.get(url)).statusCode;
  if (route.kind === 'api') return (await agent.api(route.method, url, {})).statusCode;
  return (await agent.postForm(url, {})).statusCode;
}

/** Whether an answer let the caller through: not refused for who they are. */
function through(route: RoutePolicy, status: number, location: string | undefined): boolean {
  if (status === 401 || status === 403) return false;
  return !(route.kind === 'page' && status === 303 && location?.startsWith('/sign-in?') === true);
}

it('every route in the table is registered', () => {
  const missing = ROUTES.filter(
    (r) => !r.url.endsWith('*') && !world.app.hasRoute({ method: r.method, url: r.url }),
  ).map((r) => `${r.method} ${r.url}`);
  expect(missing).toEqual([]);
});

it.each(ROUTES.filter((r) => r.access !== 'public').map((r) => [`${r.method} ${r.url}`, r] as const))(
  '%s lets exactly its roles through',
  async (_name, route) => {
    const passed: string[] = [];
    const anonymous = world.agent();
    const anon =
      route.method === 'GET'
        ? await anonymous.get(urlOf(route))
        : await anonymous.request({ method: route.method, url: urlOf(route) });
    if (through(route, anon.statusCode, anon.headers.location)) passed.push('anonymous');
    for (const role of ROLES) {
      const status = await call(agentOf(role), route);
      if (through(route, status, undefined)) passed.push(role);
    }
    expect(passed).toEqual([...rolesAllowed(route.access)]);
  },
);

it.each(ROUTES.filter((r) => r.access === 'public' && r.method === 'GET').map((r) => [r.url, r] as const))(
  'GET %s is open to anonymous callers',
  async (_url, route) => {
    const answer = await world.agent().get(urlOf(route));
    expect([401, 403]).not.toContain(answer.statusCode);
  },
);
