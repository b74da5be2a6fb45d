import type { components } from '../generated/openapi';

type GroupsPage = components['schemas']['AtlasGroupsPage'];
type Link = components['schemas']['AtlasLink'];

export interface PageRequest {
  pageNum: number;
  itemsPerPage: number;
}

/**
 * One page of group ids in Atlas' list shape, with absolute `self`, `next` (when a later page
 * has groups) and `previous` links (`baseUrl` is the list's URL without a query).
 */
export function toGroupsPage(
  ids: readonly string[],
  page: PageRequest,
  baseUrl: string,
): GroupsPage {
  const { pageNum, itemsPerPage } = page;
  const start = (pageNum - 1) * itemsPerPage;
  const href = (n: number) => `${baseUrl}?pageNum=${n}&itemsPerPage=${itemsPerPage}`;
  const links: Link[] = [{ rel: 'self', href: href(pageNum) }];
  if (start + itemsPerPage < ids.length) links.push({ rel: 'next', href: href(pageNum + 1) });
  if (pageNum > 1) links.push({ rel: 'previous', href: href(pageNum - 1) });
  return {
    results: ids.slice(start, start + itemsPerPage).map((id) => ({ id, name: id })),
    totalCount: ids.length,
    links,
  };
}
