/** Runs tasks one after another per key (a document name): each starts once the key's previous task settled. */
export class KeyedQueue {
  private readonly queues = new Map<string, Promise<unknown>>()

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(key) ?? Promise.resolve()
    const next = previous.catch(() => {}).then(task)
    this.queues.set(key, next)
    void next
      .finally(() => {
        if (this.queues.get(key) === next) this.queues.delete(key)
      })
      .catch(() => {})
    return next
  }
}
