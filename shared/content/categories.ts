import { actorOf, requestFacts } from '../audit/actor';
import { requireActiveAccount } from '../audit/active-account';
import type { CreateCategoryRequest } from '../contracts/content';
import type { Caller, RequestMeta } from '../domain/caller';
import { ContentConflictError } from './errors';
import { type CategoryRecord, type ContentDeps, PUBLISHERS } from './ports';

/**
 * Creates a category of the managed list (editors and admins): 409 `category_exists` when its slug is taken. One
 * audit event on the category's own chain (`category:<slug>`); if the append fails, the category is removed again.
 */
export const createCategory = async (
  deps: Pick<ContentDeps, 'categories' | 'users' | 'audit' | 'clock'>,
  caller: Caller,
  body: CreateCategoryRequest,
  meta: RequestMeta,
): Promise<CategoryRecord> => {
  await requireActiveAccount(deps, caller, meta, { action: 'content.category.create', resource: { type: 'category', id: body.slug }, roles: PUBLISHERS });
  const category: CategoryRecord = {
    slug: body.slug,
    name: body.name,
    ...(body.description === undefined ? {} : { description: body.description }),
    createdAt: deps.clock.now().toISOString(),
  };
  const created = await deps.categories.create(category);
  try {
    await deps.audit.append({
      action: 'content.category.create',
      outcome: created ? 'success' : 'failure',
      subjectId: `category:${body.slug}`,
      actor: actorOf(caller),
      resource: { type: 'category', id: body.slug },
      ...requestFacts(meta),
      ...(created ? {} : { reason: 'category_exists' }),
    });
  } catch (error) {
    if (created) await deps.categories.remove(category);
    throw error;
  }
  if (!created) throw new ContentConflictError('category_exists');
  return category;
};
