import { describe, expect, it } from 'vitest'
import { DeliveryLatencies } from './DeliveryLatencies.ts'

describe('DeliveryLatencies', () => {
  it('counts an arrival as cross-instance only when author and receiver are on different instances', () => {
    const deliveries = new DeliveryLatencies()
    deliveries.record(1, 0, 0)
    deliveries.record(2, 1, 1)
    deliveries.record(30, 0, 1)
    deliveries.record(40, 1, 0)
    const metrics = deliveries.metrics()
    expect(deliveries.count).toBe(4)
    expect(metrics.crossInstanceDeliveries).toBe(2)
    expect(metrics.crossInstanceP50Ms).toBe(30)
    expect(metrics.crossInstanceP99Ms).toBe(40)
    expect(metrics.deliveryP50Ms).toBe(2)
    expect(metrics.deliveryP99Ms).toBe(40)
  })

  it('reports no cross-instance latency (NaN) when every client is on one instance', () => {
    const deliveries = new DeliveryLatencies()
    for (const latency of [5, 6, 7]) deliveries.record(latency, 0, 0)
    const metrics = deliveries.metrics()
    expect(metrics.crossInstanceDeliveries).toBe(0)
    expect(metrics.crossInstanceP50Ms).toBeNaN()
    expect(metrics.crossInstanceP99Ms).toBeNaN()
    expect(metrics.deliveryP99Ms).toBe(7)
  })
})
