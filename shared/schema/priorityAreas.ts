/** Identifier of a charter section; every section node carries one. */
export type AreaId = 'preamble' | 'connectivity' | 'investment' | 'security' | 'other' | 'final'

export interface PriorityArea {
  id: AreaId
  /** 1–3 for the memorandum's three priority areas, null for the framing sections. */
  number: 1 | 2 | 3 | null
  title: string
  /** What the memorandum puts under this area. */
  scope: string
}

/** The sections of the charter, in document order. */
export const priorityAreas: readonly PriorityArea[] = [
  { id: 'preamble', number: null, title: 'Preamble', scope: 'The Parties and the purpose of the Charter' },
  {
    id: 'connectivity',
    number: 1,
    title: 'Regional connectivity',
    scope: 'Energy, trade and transit',
  },
  {
    id: 'investment',
    number: 2,
    title: 'Economic investment',
    scope: 'Including artificial intelligence and digital infrastructure',
  },
  {
    id: 'security',
    number: 3,
    title: 'Security cooperation',
    scope: 'Including defence sales and counter-terrorism',
  },
  { id: 'other', number: null, title: 'Other areas of cooperation', scope: 'And other important spheres' },
  { id: 'final', number: null, title: 'Final provisions', scope: 'Entry into force, signature' },
]

export const areaIds: readonly AreaId[] = priorityAreas.map((area) => area.id)

export function isAreaId(value: unknown): value is AreaId {
  return typeof value === 'string' && (areaIds as readonly string[]).includes(value)
}

export function findPriorityArea(id: AreaId): PriorityArea {
  const area = priorityAreas.find((candidate) => candidate.id === id)
  if (!area) throw new Error(`unknown area ${id}`)
  return area
}
