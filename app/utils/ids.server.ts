import { encodeBase32LowerCaseNoPadding } from "@oslojs/encoding";
import { randomBytes } from "node:crypto";

/** A URL-safe random id: 80 bits in 16 lowercase base32 characters. */
export function newId(): string {
  return encodeBase32LowerCaseNoPadding(randomBytes(10));
}
