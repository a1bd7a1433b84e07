/** The namespaces of the resources, one per part of the interface (and `export` for the exporters' labels). */
export const namespaces = [
  'common',
  'editor',
  'comments',
  'history',
  'admin',
  'auth',
  'errors',
  'export',
  'cleaning',
  'dashboard',
  'suggestions',
  'suggestionKeys',
] as const

export type Namespace = (typeof namespaces)[number]
