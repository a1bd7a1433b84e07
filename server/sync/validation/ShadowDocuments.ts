import type { ClauseStatus } from '../../../shared/negotiation/clauseStatus.ts'
import { type CandidateUpdate, DocumentShadow, type ShadowVerdict } from './DocumentShadow.ts'
import { sliceUpdate } from './sliceUpdate.ts'

/**
 * Accepted updates with more structs than this are cut into slices of this many: about 20 ms each for a
 * paste of plain paragraphs on a 2-core machine, against 300+ ms for a 2 MB paste applied whole.
 */
export const maxStructsPerSlice = 500
/** Below this size an update cannot hold enough structs to be worth decoding for slicing. */
const sliceFromBytes = 16 * 1024

export type ValidationRequest =
  | { kind: 'seed'; document: number; state: Uint8Array }
  | { kind: 'check'; id: number; document: number; candidates: CandidateUpdate[] }
  | { kind: 'protect'; document: number; clauses: Record<string, ClauseStatus> }
  | { kind: 'drop'; document: number }

export interface ValidationResponse {
  id: number
  /** One per candidate: the refusal reason (null if accepted), and the brackets after an accepted one. */
  verdicts?: ShadowVerdict[]
  /** One per candidate: the slices to apply an accepted large update by, or null to apply it whole. */
  slices?: (Uint8Array[] | null)[]
  /** The check itself failed (a bug, or an unseeded document); the updates are refused. */
  error?: string
}

/** The shadows of every document one validation thread serves; requests for one document arrive in order. */
export class ShadowDocuments {
  private readonly shadows = new Map<number, DocumentShadow>()

  handle(request: ValidationRequest): ValidationResponse | null {
    switch (request.kind) {
      case 'seed': {
        this.shadows.get(request.document)?.destroy()
        const shadow = new DocumentShadow()
        shadow.seed(request.state)
        this.shadows.set(request.document, shadow)
        return null
      }
      case 'protect':
        this.shadows.get(request.document)?.protect(request.clauses)
        return null
      case 'drop':
        this.shadows.get(request.document)?.destroy()
        this.shadows.delete(request.document)
        return null
      case 'check': {
        const shadow = this.shadows.get(request.document)
        if (!shadow) return { id: request.id, error: 'document not seeded' }
        try {
          const verdicts = shadow.checkAll(request.candidates)
          const slices = request.candidates.map((candidate, index) =>
            verdicts[index]?.refused === null && candidate.update.byteLength >= sliceFromBytes
              ? sliceUpdate(candidate.update, maxStructsPerSlice)
              : null,
          )
          return { id: request.id, verdicts, slices }
        } catch (error) {
          return { id: request.id, error: error instanceof Error ? error.message : String(error) }
        }
      }
    }
  }

  destroy(): void {
    for (const shadow of this.shadows.values()) shadow.destroy()
    this.shadows.clear()
  }
}
