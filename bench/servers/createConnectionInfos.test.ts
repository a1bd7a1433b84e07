import { describe, expect, it } from 'vitest'
import { createConnectionInfos } from './createConnectionInfos.ts'

function fakeServer(instances: number) {
  const optionsAskedFor: string[] = []
  return {
    optionsAskedFor,
    server: {
      pids: Array.from({ length: instances }, (_unused, index) => 1000 + index),
      url: (documentName: string, instance: number) => `ws://instance-${instance}/collab/${documentName}`,
      connectionOptions: (documentName: string) => {
        optionsAskedFor.push(documentName)
        return { params: { token: `token-for-${documentName}` } }
      },
    },
  }
}

describe('createConnectionInfos', () => {
  it('hands the clients of a two-instance cluster to the instances in turn, across calls', async () => {
    const { server } = fakeServer(2)
    const infos = createConnectionInfos(server)
    const first = await infos(['doc', 'doc', 'doc'])
    const second = await infos(['doc', 'other'])
    expect([...first, ...second].map((info) => info.instance)).toEqual([0, 1, 0, 1, 0])
    expect(first.map((info) => info.url)).toEqual([
      'ws://instance-0/collab/doc',
      'ws://instance-1/collab/doc',
      'ws://instance-0/collab/doc',
    ])
    expect(second[1]).toEqual({
      documentName: 'other',
      url: 'ws://instance-0/collab/other',
      instance: 0,
      params: { token: 'token-for-other' },
    })
  })

  it('sends every client of a single process to instance 0 and asks for credentials per client', async () => {
    const { server, optionsAskedFor } = fakeServer(1)
    const infos = await createConnectionInfos(server)(['a', 'a', 'b'])
    expect(infos.map((info) => [info.instance, info.url])).toEqual([
      [0, 'ws://instance-0/collab/a'],
      [0, 'ws://instance-0/collab/a'],
      [0, 'ws://instance-0/collab/b'],
    ])
    expect(optionsAskedFor).toEqual(['a', 'a', 'b'])
  })
})
