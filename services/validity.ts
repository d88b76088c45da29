/** Which rows of the roster exist during a year: the one filter on validity dates that every query shares. */
import type { Prisma } from '../generated/prisma';

/** A Prisma `where` for units whose validity dates overlap `year` (null dates are open-ended). */
export function validDuring(year: number): Prisma.UnitWhereInput {
  return {
    AND: [
      { OR: [{ validFrom: null }, { validFrom: { lte: new Date(Date.UTC(year, 11, 31)) } }] },
      { OR: [{ validTo: null }, { validTo: { gte: new Date(Date.UTC(year, 0, 1)) } }] },
    ],
  };
}
