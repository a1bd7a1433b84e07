type Labels = Record<string, string>

function labelKey(labels: Labels): string {
  return Object.keys(labels)
    .sort()
    .map(
      (key) => `${key}="${labels[key]!.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`,
    )
    .join(',')
}

interface Family {
  help: string
  type: 'counter' | 'gauge' | 'histogram'
  values: Map<string, number>
}

const latencyBuckets = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5]

/**
 * A minimal Prometheus registry (text exposition format 0.0.4): counters, gauges sampled at scrape time,
 * and histograms. Label values are escaped, so names coming from clients cannot break the output.
 */
export class Metrics {
  private readonly families = new Map<string, Family>()
  private readonly collectors: (() => void)[] = []

  increment(name: string, help: string, labels: Labels = {}, by = 1): void {
    const family = this.family(name, help, 'counter')
    const key = labelKey(labels)
    family.values.set(key, (family.values.get(key) ?? 0) + by)
  }

  set(name: string, help: string, value: number, labels: Labels = {}): void {
    this.family(name, help, 'gauge').values.set(labelKey(labels), value)
  }

  observe(name: string, help: string, seconds: number, labels: Labels = {}): void {
    const family = this.family(name, help, 'histogram')
    const base = labelKey(labels)
    const prefix = base ? `${base},` : ''
    for (const bucket of latencyBuckets) {
      if (seconds <= bucket)
        family.values.set(`${prefix}le="${bucket}"`, (family.values.get(`${prefix}le="${bucket}"`) ?? 0) + 1)
      else family.values.set(`${prefix}le="${bucket}"`, family.values.get(`${prefix}le="${bucket}"`) ?? 0)
    }
    family.values.set(`${prefix}le="+Inf"`, (family.values.get(`${prefix}le="+Inf"`) ?? 0) + 1)
    family.values.set(`sum:${base}`, (family.values.get(`sum:${base}`) ?? 0) + seconds)
    family.values.set(`count:${base}`, (family.values.get(`count:${base}`) ?? 0) + 1)
  }

  /** Registers a callback that refreshes gauges right before each scrape. */
  collect(collector: () => void): void {
    this.collectors.push(collector)
  }

  render(): string {
    for (const collector of this.collectors) collector()
    const lines: string[] = []
    for (const [name, family] of this.families) {
      lines.push(`# HELP ${name} ${family.help}`, `# TYPE ${name} ${family.type}`)
      for (const [key, value] of family.values) {
        if (family.type === 'histogram') {
          if (key.startsWith('sum:'))
            lines.push(`${name}_sum${key.length > 4 ? `{${key.slice(4)}}` : ''} ${value}`)
          else if (key.startsWith('count:'))
            lines.push(`${name}_count${key.length > 6 ? `{${key.slice(6)}}` : ''} ${value}`)
          else lines.push(`${name}_bucket{${key}} ${value}`)
        } else {
          lines.push(`${name}${key ? `{${key}}` : ''} ${value}`)
        }
      }
    }
    return `${lines.join('\n')}\n`
  }

  private family(name: string, help: string, type: Family['type']): Family {
    let family = this.families.get(name)
    if (!family) {
      family = { help, type, values: new Map() }
      this.families.set(name, family)
    }
    return family
  }
}
