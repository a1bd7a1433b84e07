/** Defaults for the protocol limits; the server's config may override each of them. */
export const limits = {
  /** Largest accepted frame. A full 100-page charter state is ~1 MiB; 16 MiB leaves room for large pastes. */
  maxMessageBytes: 16 * 1024 * 1024,
  /** Longest document name. Names are also storage keys, so they stay short and boring. */
  maxDocumentNameLength: 64,
} as const
