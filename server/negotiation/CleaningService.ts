import type { BracketActor, BracketRecord, CleaningRecord } from '../../shared/negotiation/index.ts'
import { canCleanBrackets, mayAnswerCleaning } from '../../shared/negotiation/index.ts'
import { canComment } from '../../shared/roles/index.ts'
import type { AuditLog } from '../audit/AuditLog.ts'
import { type DocumentActor, recordDocumentAction } from '../auth/DocumentActor.ts'
import type { ThreadStore } from '../comments/ThreadStore.ts'
import { httpErrors } from '../http/HttpError.ts'
import type { DocumentAccess } from '../sync/DocumentAccess.ts'
import type { BracketRegister } from './BracketRegister.ts'
import type { BracketRegisterStore } from './BracketRegisterStore.ts'
import { BracketNotInText, cleanBracket } from './cleanBracket.ts'

function actorOf(actor: DocumentActor): BracketActor {
  return { accountId: actor.account.id, name: actor.account.name, delegation: actor.account.delegation }
}

/**
 * Cleaning a bracket is a server operation under the two-key rule: a co-chair requests it (choosing the
 * alternative that stands, or none), a co-chair of the other delegation confirms (or declines), the requester
 * may cancel. On confirmation the server replaces the bracket in the canonical document itself (a
 * server-origin update, stored and broadcast like any other), and the register and the audit log record who
 * asked, who agreed and what was chosen. Register changes run on the register's queue for the document.
 */
export class CleaningService {
  private readonly now: () => Date

  constructor(
    private readonly register: BracketRegister,
    private readonly store: BracketRegisterStore,
    private readonly threads: ThreadStore,
    private readonly documents: DocumentAccess,
    private readonly audit: AuditLog,
    now?: () => Date,
  ) {
    this.now = now ?? (() => new Date())
  }

  async request(
    documentName: string,
    actor: DocumentActor,
    bracketId: string,
    choice: string | null,
  ): Promise<BracketRecord> {
    this.assertCoChair(actor)
    const record = await this.register.run(documentName, async () => {
      const found = await this.findOpen(documentName, bracketId)
      if (found.cleaning?.status === 'requested')
        throw httpErrors.conflict('A cleaning of this bracket is already requested')
      const chosen =
        choice === null
          ? null
          : found.alternatives.find(
              (alternative) => alternative.id === choice && alternative.removedAt === null,
            )
      if (chosen === undefined) throw httpErrors.badRequest('No such alternative in this bracket', 'choice')
      const cleaning: CleaningRecord = {
        status: 'requested',
        requestedBy: actorOf(actor),
        requestedAt: this.now().toISOString(),
        choice,
        choiceText: chosen?.text ?? null,
        answeredBy: null,
        answeredAt: null,
      }
      const updated = { ...found, cleaning, updatedAt: cleaning.requestedAt }
      await this.register.save([updated])
      return updated
    })
    await recordDocumentAction(this.audit, actor, 'bracket.cleaning-requested', documentName, {
      bracketId,
      choice,
    })
    return record
  }

  /** The other delegation's co-chair agrees: the server cleans the text, then the register says so. */
  async confirm(documentName: string, actor: DocumentActor, bracketId: string): Promise<BracketRecord> {
    this.assertCoChair(actor)
    const { previous, confirmed } = await this.register.run(documentName, async () => {
      const found = await this.findOpen(documentName, bracketId)
      this.assertMayAnswer(actor, found)
      const answeredAt = this.now().toISOString()
      const cleaning = {
        ...found.cleaning!,
        status: 'confirmed' as const,
        answeredBy: actorOf(actor),
        answeredAt,
      }
      const updated = { ...found, cleaning, updatedAt: answeredAt }
      await this.register.save([updated])
      return { previous: found, confirmed: cleaning }
    })
    try {
      await this.register.whileCleaning(documentName, bracketId, () =>
        this.documents.change(documentName, (ydoc) => cleanBracket(ydoc, bracketId, confirmed.choice)),
      )
    } catch (error) {
      // Nothing changed in the text: the request stands as it was (unless the bracket is gone meanwhile).
      await this.register.run(documentName, async () => {
        const current = await this.store.find(documentName, bracketId)
        if (current?.state === 'open') await this.register.save([{ ...current, cleaning: previous.cleaning }])
      })
      if (error instanceof BracketNotInText)
        throw httpErrors.conflict('The bracket or the chosen alternative is no longer in the text')
      throw error
    }
    await recordDocumentAction(this.audit, actor, 'bracket.cleaned', documentName, {
      bracketId,
      choice: confirmed.choice,
      choiceText: confirmed.choiceText,
      requestedBy: confirmed.requestedBy.accountId,
      requestedByDelegation: confirmed.requestedBy.delegation,
      confirmedBy: actor.account.id,
      confirmedByDelegation: actor.account.delegation,
    })
    const cleaned = await this.store.find(documentName, bracketId)
    return cleaned ?? previous
  }

  async decline(documentName: string, actor: DocumentActor, bracketId: string): Promise<BracketRecord> {
    this.assertCoChair(actor)
    return this.answer(documentName, actor, bracketId, 'declined', 'bracket.cleaning-declined', (found) =>
      this.assertMayAnswer(actor, found),
    )
  }

  async cancel(documentName: string, actor: DocumentActor, bracketId: string): Promise<BracketRecord> {
    this.assertCoChair(actor)
    return this.answer(documentName, actor, bracketId, 'cancelled', 'bracket.cleaning-cancelled', (found) => {
      if (found.cleaning?.status !== 'requested')
        throw httpErrors.conflict('No cleaning of this bracket is pending')
      if (found.cleaning.requestedBy.accountId !== actor.account.id)
        throw httpErrors.forbidden('Only the co-chair who requested a cleaning can cancel it')
    })
  }

  /** Links a comment thread of the same document to a bracket (the register lists it with the bracket). */
  async linkThread(
    documentName: string,
    actor: DocumentActor,
    bracketId: string,
    threadId: number,
  ): Promise<BracketRecord> {
    if (!canComment(actor.role)) throw httpErrors.forbidden('Observers cannot link threads')
    const thread = await this.threads.findThread(threadId)
    if (!thread || thread.documentName !== documentName) throw httpErrors.notFound('No such thread')
    const record = await this.register.run(documentName, async () => {
      const found = await this.store.find(documentName, bracketId)
      if (!found) throw httpErrors.notFound('No such bracket')
      if (found.threadIds.includes(threadId)) return found
      const updated = {
        ...found,
        threadIds: [...found.threadIds, threadId],
        updatedAt: this.now().toISOString(),
      }
      await this.register.save([updated])
      return updated
    })
    await recordDocumentAction(this.audit, actor, 'bracket.thread-linked', documentName, {
      bracketId,
      threadId,
    })
    return record
  }

  private async answer(
    documentName: string,
    actor: DocumentActor,
    bracketId: string,
    status: 'declined' | 'cancelled',
    action: string,
    check: (found: BracketRecord) => void,
  ): Promise<BracketRecord> {
    const record = await this.register.run(documentName, async () => {
      const found = await this.findOpen(documentName, bracketId)
      check(found)
      const answeredAt = this.now().toISOString()
      const cleaning = { ...found.cleaning!, status, answeredBy: actorOf(actor), answeredAt }
      const updated = { ...found, cleaning, updatedAt: answeredAt }
      await this.register.save([updated])
      return updated
    })
    await recordDocumentAction(this.audit, actor, action, documentName, { bracketId })
    return record
  }

  private async findOpen(documentName: string, bracketId: string): Promise<BracketRecord> {
    const found = await this.store.find(documentName, bracketId)
    if (!found) throw httpErrors.notFound('No such bracket')
    if (found.state !== 'open') throw httpErrors.conflict('This bracket is no longer open')
    return found
  }

  private assertCoChair(actor: DocumentActor): void {
    if (!canCleanBrackets(actor.role, actor.account.delegation))
      throw httpErrors.forbidden('Only co-chairs clean brackets')
  }

  private assertMayAnswer(actor: DocumentActor, found: BracketRecord): void {
    if (found.cleaning?.status !== 'requested')
      throw httpErrors.conflict('No cleaning of this bracket is pending')
    if (!mayAnswerCleaning(actor.role, actor.account.delegation, found.cleaning))
      throw httpErrors.forbidden('A co-chair of the other delegation must answer this cleaning request')
  }
}
