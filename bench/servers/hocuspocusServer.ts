// Reference server: @hocuspocus/server 3.4.3 with default configuration and no extensions, so documents
// live in memory only (no persistence). Run as a child process by the bench.
import { Server } from '@hocuspocus/server'

const host = process.env.HOST ?? '127.0.0.1'
const port = Number(process.env.PORT ?? '0')

const server = new Server({ port, address: host, quiet: true })
await server.listen()
console.log(JSON.stringify({ level: 'info', msg: 'listening', port: server.address.port }))

process.on('SIGTERM', () => process.exit(0))
