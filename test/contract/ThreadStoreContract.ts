import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { NewComment, NewThread, ThreadStore } from '../../server/comments/ThreadStore.ts'

export type ThreadStoreFactory = () => Promise<{ store: ThreadStore; destroy(): Promise<void> }>

function comment(text: string, overrides: Partial<NewComment> = {}): NewComment {
  return { authorId: 1, authorName: 'Aysel Karimova', delegation: 'AZ', text, mentions: [], ...overrides }
}

function thread(documentName: string, text: string, overrides: Partial<NewThread> = {}): NewThread {
  return {
    documentName,
    kind: 'area',
    area: 'investment',
    anchor: null,
    quote: null,
    createdBy: 1,
    firstComment: comment(text),
    ...overrides,
  }
}

/** Every ThreadStore implementation must pass this suite. */
export function describeThreadStoreContract(name: string, factory: ThreadStoreFactory): void {
  describe(`ThreadStore contract: ${name}`, () => {
    let store: ThreadStore
    let destroy: () => Promise<void>

    beforeEach(async () => {
      ;({ store, destroy } = await factory())
    })
    afterEach(async () => destroy())

    it('creates an open thread with its first comment', async () => {
      const created = await store.createThread(thread('charter', 'First'))
      expect(created).toMatchObject({
        documentName: 'charter',
        kind: 'area',
        area: 'investment',
        status: 'open',
        resolvedBy: null,
        resolvedAt: null,
      })
      expect(created.comments).toHaveLength(1)
      expect(created.comments[0]).toMatchObject({ threadId: created.id, text: 'First', deletedAt: null })
      expect(await store.findThread(created.id)).toEqual(created)
      expect(await store.findThread(created.id + 1000)).toBeNull()
    })

    it('keeps an inline anchor and its quote', async () => {
      const anchor = { start: 'c3RhcnQ=', end: 'ZW5k' }
      const created = await store.createThread(
        thread('charter', 'Inline', { kind: 'inline', area: 'security', anchor, quote: 'the quoted text' }),
      )
      expect(await store.findThread(created.id)).toMatchObject({
        kind: 'inline',
        anchor,
        quote: 'the quoted text',
      })
    })

    it("lists one document's threads oldest first, and replies in the order they were added", async () => {
      const first = await store.createThread(thread('charter', 'One'))
      await store.createThread(thread('az-notes', 'Elsewhere'))
      const second = await store.createThread(thread('charter', 'Two'))
      await store.addComment(first.id, comment('Reply A', { authorId: 2, delegation: 'US', mentions: [1] }))
      const replied = await store.addComment(first.id, comment('Reply B'))
      expect(replied.comments.map((item) => item.text)).toEqual(['One', 'Reply A', 'Reply B'])
      expect(replied.comments[1]).toMatchObject({ authorId: 2, delegation: 'US', mentions: [1] })
      const listed = await store.listThreads('charter')
      expect(listed.map((item) => item.id)).toEqual([first.id, second.id])
      expect(listed[0]).toEqual(replied)
      expect(await store.listThreads('nothing-here')).toEqual([])
    })

    it('edits a comment and marks it edited', async () => {
      const created = await store.createThread(thread('charter', 'Draft'))
      const commentId = created.comments[0]!.id
      const edited = await store.editComment(commentId, 'Final', [5])
      expect(edited.comments[0]).toMatchObject({ text: 'Final', mentions: [5] })
      expect(edited.comments[0]?.editedAt).not.toBeNull()
      expect(await store.findComment(commentId)).toEqual({
        threadId: created.id,
        authorId: 1,
        deletedAt: null,
      })
      expect(await store.findComment(commentId + 1000)).toBeNull()
    })

    it('soft-deletes a comment: a placeholder without text stays, later edits change nothing', async () => {
      const created = await store.createThread(thread('charter', 'Keep'))
      const replied = await store.addComment(created.id, comment('Remove me', { mentions: [2] }))
      const replyId = replied.comments[1]!.id
      const deleted = await store.deleteComment(replyId)
      expect(deleted.comments).toHaveLength(2)
      expect(deleted.comments[1]).toMatchObject({ id: replyId, text: null, mentions: [] })
      expect(deleted.comments[1]?.deletedAt).not.toBeNull()
      expect((await store.findComment(replyId))?.deletedAt).toBe(deleted.comments[1]?.deletedAt)
      const afterEdit = await store.editComment(replyId, 'Back again', [])
      expect(afterEdit.comments[1]).toEqual(deleted.comments[1])
      expect(await store.deleteComment(replyId)).toEqual(deleted)
    })

    it('resolves and reopens a thread, recording who resolved it', async () => {
      const created = await store.createThread(thread('charter', 'Resolve me'))
      const resolved = await store.setStatus(created.id, 'resolved', 4)
      expect(resolved).toMatchObject({ status: 'resolved', resolvedBy: 4 })
      expect(resolved.resolvedAt).not.toBeNull()
      expect(await store.setStatus(created.id, 'open', 4)).toMatchObject({
        status: 'open',
        resolvedBy: null,
        resolvedAt: null,
      })
    })

    it('returns copies: changing a returned thread changes nothing stored', async () => {
      const created = await store.createThread(thread('charter', 'Original'))
      created.comments[0]!.text = 'Mutated'
      created.status = 'resolved'
      expect(await store.findThread(created.id)).toMatchObject({
        status: 'open',
        comments: [{ text: 'Original' }],
      })
    })
  })
}
