/**
 * Runs `work` just after the next frame is painted: in a task queued from the frame's animation callback, so a
 * keystroke's frame is not held up by it. Where there are no frames (a test, a worker) it runs in the next task.
 */
export function afterNextPaint(work: () => void): void {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(work))
  else setTimeout(work)
}
