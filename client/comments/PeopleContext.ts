import { createContext } from 'react'
import type { PersonView } from '../../shared/api/index.ts'

/** Who has access to the open document, for @mentions; null until known (then no mention is called unknown). */
export const PeopleContext = createContext<readonly PersonView[] | null>(null)
