import { type CandidateUpdate, DocumentShadow } from './DocumentShadow.ts'

export type ValidationRequest =
  | { kind: 'seed'; document: number; state: Uint8Array }
  | { kind: 'check'; id: number; document: number; candidates: CandidateUpdate[] }
  | { kind: 'drop'; document: number }

export interface ValidationResponse {
  id: number
  /** One per candidate: the refusal reason, or null if accepted. */
  verdicts?: (string | null)[]
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
      case 'drop':
        this.shadows.get(request.document)?.destroy()
        this.shadows.delete(request.document)
        return null
      case 'check': {
        const shadow = this.shadows.get(request.document)
        if (!shadow) return { id: request.id, error: 'document not seeded' }
        try {
          return { id: request.id, verdicts: shadow.checkAll(request.candidates) }
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
