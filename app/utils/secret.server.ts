import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { config } from "./env.server";
import { singleton } from "./singleton.server";

/**
 * The app's signing secret: APP_SECRET, or one generated on first use and kept in DATA_DIR (mode
 * 0600) so links survive a restart. Two processes starting at once agree: the file is created
 * exclusively, and the one that loses the race reads the winner's.
 */
export function appSecret(): Buffer {
  return singleton("appSecret", () => {
    const configured = config().APP_SECRET;
    if (configured) return Buffer.from(configured, "utf8");
    const file = path.join(config().dataDir, "app-secret");
    fs.mkdirSync(path.dirname(file), { recursive: true });
    try {
      fs.writeFileSync(file, randomBytes(32).toString("hex"), { flag: "wx", mode: 0o600 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const secret = fs.readFileSync(file, "utf8").trim();
    if (secret.length < 32) throw new Error(`${file} holds no usable secret; delete it or set APP_SECRET`);
    return Buffer.from(secret, "utf8");
  });
}
