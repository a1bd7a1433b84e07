/** Something that receives a room's broadcasts; a client connection in practice. */
export interface RoomMember {
  send(message: Uint8Array): void
}
