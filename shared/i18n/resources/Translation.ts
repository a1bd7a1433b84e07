/** The shape of an English namespace with every text free: a translation must have exactly the same keys. */
export type Translation<Source> = {
  -readonly [Key in keyof Source]: Source[Key] extends string ? string : Translation<Source[Key]>
}
