// bench/servers/hocuspocusServer.ts
import { Server } from '@hocuspocus/server'

var host = process.env.HOST ?? '127.0.0.1'
var port = Number(process.env.PORT ?? '0')
var server = new Server({ port, address: host, quiet: true })
await server.listen()
console.log(JSON.stringify({ level: 'info', msg: 'listening', port: server.address.port }))
process.on('SIGTERM', () => process.exit(0))
