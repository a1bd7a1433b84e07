import {
  commentLimits,
  decodeAnchorPosition,
  type ThreadAnchor,
  type ThreadArea,
  type ThreadView,
  threadsDocumentName,
  threadsMapName,
} from '../../shared/comments/index.ts'
import { canComment, canEditComment, canResolveThread } from '../../shared/roles/index.ts'
import { areaIds } from '../../shared/schema/index.ts'
import type { AuditLog } from '../audit/AuditLog.ts'
import type { AccountStore } from '../auth/AccountStore.ts'
import { type DocumentActor, recordDocumentAction } from '../auth/DocumentActor.ts'
import { httpErrors } from '../http/HttpError.ts'
import type { DocumentAccess } from '../sync/DocumentAccess.ts'
import { findMentions } from './findMentions.ts'
import { findSectionArea } from './findSectionArea.ts'
import type { ThreadStore } from './ThreadStore.ts'

const threadAreas: readonly ThreadArea[] = [...areaIds, 'general']

function cleanText(text: unknown): string {
  if (typeof text !== 'string') throw httpErrors.badRequest('"text" must be a string')
  // Control characters other than line breaks have no place in a comment.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping them is the point
  const cleaned = text.replace(/[\u0000-\u0009\u000B-\u001F\u007F]/g, '').trim()
  if (cleaned.length === 0) throw httpErrors.badRequest('A comment cannot be empty')
  if (cleaned.length > commentLimits.maxTextLength) {
    throw httpErrors.badRequest(`A comment is at most ${commentLimits.maxTextLength} characters`)
  }
  return cleaned
}

/**
 * Every change to threads goes through here: the role and ownership rules are checked, the change is stored,
 * then published to the document's read-only threads channel so open clients see it live.
 */
export class ThreadService {
  constructor(
    private readonly threads: ThreadStore,
    private readonly accounts: AccountStore,
    private readonly documents: DocumentAccess,
    private readonly audit: AuditLog,
    /** Told of every new thread (the bracket register links inline threads to the bracket they sit in). */
    private readonly onCreated: (thread: ThreadView) => void = () => {},
  ) {}

  list(documentName: string): Promise<ThreadView[]> {
    return this.threads.listThreads(documentName)
  }

  async create(
    documentName: string,
    actor: DocumentActor,
    request: { kind: unknown; area: unknown; anchor: unknown; quote: unknown; text: unknown },
  ): Promise<ThreadView> {
    this.assertCanComment(actor)
    const text = cleanText(request.text)
    let area: ThreadArea
    let anchor: ThreadAnchor | null = null
    let quote: string | null = null
    if (request.kind === 'inline') {
      anchor = this.parseAnchor(request.anchor)
      // The area of an inline thread is the section its text is in, as the server's copy of the document says.
      area =
        (await this.documents.read(documentName, (ydoc) => findSectionArea(ydoc, anchor!.start))) ?? 'general'
      if (typeof request.quote === 'string') quote = request.quote.slice(0, commentLimits.maxQuoteLength)
    } else if (request.kind === 'area') {
      const requested = threadAreas.find((candidate) => candidate === request.area)
      if (!requested) throw httpErrors.badRequest(`"area" must be one of ${threadAreas.join(', ')}`)
      area = requested
    } else {
      throw httpErrors.badRequest('"kind" must be "area" or "inline"')
    }
    const thread = await this.threads.createThread({
      documentName,
      kind: request.kind,
      area,
      anchor,
      quote,
      createdBy: actor.account.id,
      firstComment: await this.newComment(actor, text),
    })
    const announced = await this.announce(thread, actor, 'thread.created', documentName, {
      threadId: thread.id,
      area,
      kind: thread.kind,
    })
    this.onCreated(announced)
    return announced
  }

  async reply(
    threadId: number,
    documentName: string,
    actor: DocumentActor,
    text: unknown,
  ): Promise<ThreadView> {
    this.assertCanComment(actor)
    await this.findThread(threadId, documentName)
    const thread = await this.threads.addComment(threadId, await this.newComment(actor, cleanText(text)))
    await this.publish(thread)
    return thread
  }

  async edit(
    commentId: number,
    documentName: string,
    actor: DocumentActor,
    text: unknown,
  ): Promise<ThreadView> {
    const comment = await this.findOwnComment(commentId, documentName, actor)
    const cleaned = cleanText(text)
    const thread = await this.threads.editComment(
      commentId,
      cleaned,
      findMentions(cleaned, await this.accounts.listAccounts()),
    )
    return this.announce(thread, actor, 'comment.edited', documentName, {
      threadId: comment.threadId,
      commentId,
    })
  }

  async remove(commentId: number, documentName: string, actor: DocumentActor): Promise<ThreadView> {
    const comment = await this.findOwnComment(commentId, documentName, actor)
    const thread = await this.threads.deleteComment(commentId)
    return this.announce(thread, actor, 'comment.deleted', documentName, {
      threadId: comment.threadId,
      commentId,
    })
  }

  async setStatus(
    threadId: number,
    documentName: string,
    actor: DocumentActor,
    status: 'open' | 'resolved',
  ): Promise<ThreadView> {
    const thread = await this.findThread(threadId, documentName)
    if (!canComment(actor.role) || !canResolveThread(actor.role, actor.account.id, thread)) {
      throw httpErrors.forbidden('Only the thread’s author or a co-chair can resolve or reopen it')
    }
    const updated = await this.threads.setStatus(threadId, status, actor.account.id)
    const action = status === 'resolved' ? 'thread.resolved' : 'thread.reopened'
    return this.announce(updated, actor, action, documentName, { threadId })
  }

  private assertCanComment(actor: DocumentActor): void {
    if (!canComment(actor.role)) throw httpErrors.forbidden('Observers cannot comment')
  }

  private async findThread(threadId: number, documentName: string): Promise<ThreadView> {
    const thread = await this.threads.findThread(threadId)
    if (!thread || thread.documentName !== documentName) throw httpErrors.notFound('No such thread')
    return thread
  }

  private async findOwnComment(commentId: number, documentName: string, actor: DocumentActor) {
    const comment = await this.threads.findComment(commentId)
    if (!comment) throw httpErrors.notFound('No such comment')
    await this.findThread(comment.threadId, documentName)
    if (!canComment(actor.role) || !canEditComment(actor.account.id, comment)) {
      throw httpErrors.forbidden('Only the author can change a comment')
    }
    if (comment.deletedAt) throw httpErrors.conflict('This comment was deleted')
    return comment
  }

  private parseAnchor(anchor: unknown): ThreadAnchor {
    const { start, end } = (anchor ?? {}) as Record<string, unknown>
    for (const endpoint of [start, end]) {
      if (
        typeof endpoint !== 'string' ||
        endpoint.length > commentLimits.maxAnchorLength ||
        !decodeAnchorPosition(endpoint)
      ) {
        throw httpErrors.badRequest(
          '"anchor" must hold two encoded Yjs relative positions, "start" and "end"',
        )
      }
    }
    return { start: start as string, end: end as string }
  }

  private async newComment(actor: DocumentActor, text: string) {
    return {
      authorId: actor.account.id,
      authorName: actor.account.name,
      delegation: actor.account.delegation,
      text,
      mentions: findMentions(text, await this.accounts.listAccounts()),
    }
  }

  /** Records the change in the audit log, then publishes the thread. */
  private async announce(
    thread: ThreadView,
    actor: DocumentActor,
    action: string,
    documentName: string,
    detail: Record<string, unknown>,
  ): Promise<ThreadView> {
    await recordDocumentAction(this.audit, actor, action, documentName, detail)
    await this.publish(thread)
    return thread
  }

  private publish(thread: ThreadView): Promise<void> {
    return this.documents.change(threadsDocumentName(thread.documentName), (ydoc) => {
      ydoc.getMap(threadsMapName).set(String(thread.id), thread)
    })
  }
}
