// Reference server: @y/websocket-server 0.1.1's own bin (src/server.js) minus the banner, in memory only
// (no YPERSISTENCE, so y-leveldb is never opened). Run as a child process by the bench.
import http from 'node:http'
import { setupWSConnection } from '@y/websocket-server/utils'
import { WebSocketServer } from 'ws'

const host = process.env.HOST ?? '127.0.0.1'
const port = Number(process.env.PORT ?? '0')

const wss = new WebSocketServer({ noServer: true })
wss.on('connection', setupWSConnection)

const server = http.createServer((_request, response) => {
  response.writeHead(200, { 'Content-Type': 'text/plain' })
  response.end('okay')
})
server.on('upgrade', (request, socket, head) => {
  wss.handleUpgrade(request, socket, head, (ws) => {
    wss.emit('connection', ws, request)
  })
})
server.listen(port, host, () => {
  const address = server.address()
  const actualPort = typeof address === 'object' && address !== null ? address.port : port
  console.log(JSON.stringify({ level: 'info', msg: 'listening', port: actualPort }))
})

process.on('SIGTERM', () => process.exit(0))
