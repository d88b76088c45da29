/**
 * The main navigation: one entry per area, shown to those whose role may open it (the same access words as the
 * route table). A page helper adds its area here with the access of its route.
 */
import { can, type Actor } from '../../domain/access';
import type { MessageKey } from '../../domain/messages';
import type { Access } from '../routes/policy';

/** One link of the navigation. */
export interface NavItem {
  readonly href: string;
  readonly label: MessageKey;
  readonly access: Access;
}

/** Every navigation entry, in the order shown. */
export const NAV_ITEMS: readonly NavItem[] = [
  { href: '/home', label: 'web.nav.home', access: 'signedIn' },
  { href: '/cycles', label: 'web.nav.cycles', access: 'signedIn' },
  { href: '/roster', label: 'web.nav.roster', access: 'manage' },
  { href: '/calendar', label: 'web.nav.calendar', access: 'export' },
  { href: '/year-end', label: 'web.nav.yearEnd', access: 'export' },
  { href: '/users', label: 'web.nav.users', access: 'manage' },
  { href: '/outbox', label: 'web.nav.outbox', access: 'manage' },
  { href: '/', label: 'web.nav.health', access: 'public' },
  { href: '/api/docs', label: 'web.nav.apiDocs', access: 'signedIn' },
];

/** Whether an actor (undefined: anonymous) may follow a link of this access. */
export function mayOpen(actor: Actor | undefined, access: Access): boolean {
  if (access === 'public') return true;
  if (!actor) return false;
  return access === 'signedIn' || can(actor.role, access);
}

/** The entries an actor sees. */
export function visibleNav(actor: Actor | undefined): readonly NavItem[] {
  return NAV_ITEMS.filter((item) => mayOpen(actor, item.access));
}
