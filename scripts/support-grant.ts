import { closeDb, migrateToLatest } from "~db/index";
import { setSupportRole } from "~/modules/support/staff.server";

/**
 * `npm run support:grant -- EMAIL` makes an account support staff; `-- EMAIL --revoke` takes the
 * role back. The only way to the role (never a form); each change is written to the audit log.
 */
const args = process.argv.slice(2);
const revoke = args.includes("--revoke");
const email = args.find((a) => !a.startsWith("--"));
if (!email) {
  process.stderr.write("Usage: npm run support:grant -- EMAIL [--revoke]\n");
  process.exit(2);
}
await migrateToLatest();
const result = await setSupportRole(email, !revoke);
await closeDb();
if (!result.ok) {
  process.stderr.write(`No account has the address ${email}.\n`);
  process.exit(1);
}
const what = revoke ? "is no longer support staff" : "is support staff";
process.stdout.write(`${email} ${what}${result.changed ? "" : " (no change)"}.\n`);
