import { parseArgs } from 'node:util'
import { delegations, isDelegation, isRole, roles } from '../../shared/roles/index.ts'
import { hashPassword } from '../auth/passwordHash.ts'
import { seedDemo } from '../auth/seedDemo.ts'
import { ConfigError, parseConfig } from '../config.ts'
import { ensureStandardDocuments } from '../documents/ensureStandardDocuments.ts'
import { openStores } from '../persistence/openStores.ts'

const usage = `Usage: npm run admin -- <command> [options]

Commands:
  add-user --login L --name "N" --delegation AZ|US --role R [--admin] [--password P]
  set-role --login L --role co-chair|drafter|reviewer|observer
  set-admin --login L --admin true|false
  revoke-sessions --login L          sign the account out everywhere (live sockets close within seconds)
  sign-in-link --login L             print a one-time sign-in link (valid 24 hours)
  token --login L [--document D] [--days N] [--label T]
                                     print a personal access token (for scripts: ?token=… or Bearer)
  setup-link                         print a new first-run setup link (only while there are no accounts)
  demo                               create the demo accounts and print their sign-in links
  list-users

Reads DATABASE_URL (PostgreSQL) or else DATA_DIR (SQLite, default ./data), and PUBLIC_URL / PORT for the links it prints. Safe while the server runs.`

function fail(message: string): never {
  process.stderr.write(`${message}\n\n${usage}\n`)
  process.exit(2)
}

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2)
  if (!command || command === 'help' || command === '--help') {
    process.stdout.write(`${usage}\n`)
    return
  }
  const { values } = parseArgs({
    args: rest,
    options: {
      login: { type: 'string' },
      name: { type: 'string' },
      delegation: { type: 'string' },
      role: { type: 'string' },
      admin: { type: 'string' },
      password: { type: 'string' },
      document: { type: 'string' },
      days: { type: 'string' },
      label: { type: 'string' },
    },
    allowNegative: false,
    strict: true,
  })
  let config: ReturnType<typeof parseConfig>
  try {
    config = parseConfig(process.env)
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message)
    throw error
  }
  const baseUrl = config.publicUrl ?? `http://localhost:${config.port}`
  const { stores, close } = await openStores(config)
  const { accounts, sessions, signInLinks, setupSecret, audit } = stores
  await ensureStandardDocuments(stores.catalog)
  const record = (action: string, target: string | null, detail: Record<string, unknown> = {}) =>
    audit.record({ actorId: null, actorLogin: 'cli', action, target, detail, address: 'cli' })

  async function accountByLogin() {
    if (!values.login) fail('--login is required')
    const account = await accounts.findAccountByLogin(values.login)
    if (!account) fail(`no account with login "${values.login}"`)
    return account
  }

  try {
    switch (command) {
      case 'add-user': {
        const { login, name, delegation, role } = values
        if (!login || !/^[a-z0-9._-]{2,40}$/.test(login)) fail('--login must be 2–40 of a-z 0-9 . _ -')
        if (!name) fail('--name is required')
        if (!isDelegation(delegation)) fail(`--delegation must be one of ${delegations.join(', ')}`)
        if (!isRole(role)) fail(`--role must be one of ${roles.join(', ')}`)
        if (values.password !== undefined && values.password.length < 10)
          fail('--password needs 10+ characters')
        const account = await accounts.createAccount({
          login,
          name,
          delegation,
          role,
          isAdmin: values.admin !== undefined && values.admin !== 'false',
          passwordHash: values.password ? await hashPassword(values.password) : null,
        })
        await record('account.created', login, { role, delegation })
        process.stdout.write(`Created ${account.login} (#${account.id}), ${delegation} ${role}\n`)
        break
      }
      case 'set-role': {
        const account = await accountByLogin()
        if (!isRole(values.role)) fail(`--role must be one of ${roles.join(', ')}`)
        await accounts.updateAccount(account.id, { role: values.role })
        await record('account.updated', account.login, {
          before: { role: account.role },
          changes: { role: values.role },
        })
        process.stdout.write(`${account.login}: ${account.role} → ${values.role}\n`)
        break
      }
      case 'set-admin': {
        const account = await accountByLogin()
        const isAdmin = values.admin === 'true'
        await accounts.updateAccount(account.id, { isAdmin })
        await record('account.updated', account.login, { changes: { isAdmin } })
        process.stdout.write(`${account.login}: admin = ${isAdmin}\n`)
        break
      }
      case 'revoke-sessions': {
        const account = await accountByLogin()
        const revoked = await sessions.revokeSessionsOf(account.id)
        await record('sessions.revoked', account.login, { revoked })
        process.stdout.write(`Revoked ${revoked} session(s) of ${account.login}\n`)
        break
      }
      case 'sign-in-link': {
        const account = await accountByLogin()
        const token = await signInLinks.createSignInLink(account.id, new Date(Date.now() + 24 * 3_600_000))
        await record('sign-in-link.created', account.login)
        process.stdout.write(`${baseUrl}/sign-in#link=${token}\n`)
        break
      }
      case 'token': {
        const account = await accountByLogin()
        const days = values.days ? Number(values.days) : 30
        if (!Number.isFinite(days) || days <= 0 || days > 365) fail('--days must be 1–365')
        const { token } = await sessions.createSession({
          userId: account.id,
          kind: 'token',
          documentName: values.document ?? null,
          label: values.label ?? 'cli',
          expiresAt: new Date(Date.now() + days * 86_400_000),
        })
        await record('token.created', account.login, { documentName: values.document ?? null, days })
        process.stdout.write(`${token}\n`)
        break
      }
      case 'setup-link': {
        if ((await accounts.countAccounts()) > 0) fail('setup is complete: accounts exist already')
        process.stdout.write(`${baseUrl}/setup#token=${await setupSecret.createSetupToken()}\n`)
        break
      }
      case 'demo': {
        for (const link of await seedDemo(stores)) {
          process.stdout.write(
            `${link.delegation} ${link.role.padEnd(9)} ${link.name.padEnd(16)} ${baseUrl}/sign-in#link=${link.token}\n`,
          )
        }
        break
      }
      case 'list-users': {
        for (const account of await accounts.listAccounts()) {
          process.stdout.write(
            `${String(account.id).padStart(4)}  ${account.login.padEnd(24)} ${account.delegation} ${account.role.padEnd(9)} ${account.isAdmin ? 'admin ' : '      '}${account.disabled ? 'disabled ' : ''}${account.name}\n`,
          )
        }
        break
      }
      default:
        fail(`unknown command "${command}"`)
    }
  } finally {
    await close()
  }
}

void main()
