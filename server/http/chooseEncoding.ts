/** A content coding the server keeps precompressed variants in. */
export type ContentCoding = 'br' | 'gzip'

/**
 * The best coding the client accepts among `available` (in the server's order of preference), per RFC 9110
 * section 12.5.3: a coding listed with `q=0` is refused, `*` stands for any coding not listed. Undefined means
 * identity.
 */
export function chooseEncoding(
  acceptEncoding: string | undefined,
  available: readonly ContentCoding[],
): ContentCoding | undefined {
  if (!acceptEncoding) return undefined
  const weights = new Map<string, number>()
  for (const part of acceptEncoding.split(',')) {
    const [name, ...parameters] = part.trim().toLowerCase().split(';')
    if (!name) continue
    let weight = 1
    for (const parameter of parameters) {
      const [key, value] = parameter.trim().split('=')
      if (key === 'q' && value !== undefined) weight = Number(value)
    }
    weights.set(name, Number.isFinite(weight) ? weight : 0)
  }
  let best: ContentCoding | undefined
  let bestWeight = 0
  for (const coding of available) {
    const weight =
      weights.get(coding) ?? (coding === 'gzip' ? weights.get('x-gzip') : undefined) ?? weights.get('*') ?? 0
    if (weight > bestWeight) {
      best = coding
      bestWeight = weight
    }
  }
  return best
}
