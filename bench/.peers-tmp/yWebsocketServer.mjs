// bench/servers/yWebsocketServer.ts
import http from 'node:http'
import { setupWSConnection } from '@y/websocket-server/utils'
import { WebSocketServer } from 'ws'

var host = process.env.HOST ?? '127.0.0.1'
var port = Number(process.env.PORT ?? '0')
var wss = new WebSocketServer({ noServer: true })
wss.on('connection', setupWSConnection)
var server = http.createServer((_request, response) => {
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
