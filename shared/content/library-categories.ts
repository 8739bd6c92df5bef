import type { LibraryCategoryList } from '../contracts/library';
import type { LibraryDeps } from './library-ports';

/** `GET /api/v1/content/categories`: the managed list of categories, by name. */
export const listLibraryCategories = async ({ library }: Pick<LibraryDeps, 'library'>): Promise<LibraryCategoryList> => ({
  items: (await library.categories()).map((category) => ({
    slug: category.slug,
    name: category.name,
    ...(category.description === undefined ? {} : { description: category.description }),
  })),
});
