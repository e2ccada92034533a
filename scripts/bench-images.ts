/**
 * The entry image pipeline against a bare sharp resize, on two generated originals:
 *   npm run bench:images            (BENCH_ROUNDS=15 by default)
 * Per image: the median ms of renderEntryImages (thumbnail + watermarked preview + hash) and of
 * sharp(input).resize(1200).webp() on the same file, measured in the same run and interleaved
 * (alternating which goes first), their ratio (goal ≤ 1.3), images per second with two renders in
 * flight, and the process's peak RSS. Each run's CPU time (user + system, all threads) is printed
 * beside its wall time: on a busy machine wall time measures the queue for the CPUs as much as the
 * work, CPU time does not. The load average is printed for the same reason.
 */
import os from "node:os";
import sharp from "sharp";
import { renderEntryImages } from "../app/modules/entries/images.server";
import { watermarkTextFor } from "../app/modules/entries/watermark";
import { fromRaw, logoPixels, photoPixels } from "../tests/helpers/image-fixtures";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
const IN_FLIGHT = 2;
const GOAL = 1.3;
const watermarkText = watermarkTextFor("Acme Coffee Roasters logo");

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

async function timed(run: () => Promise<unknown>) {
  const start = performance.now();
  const cpu = process.cpuUsage();
  await run();
  const used = process.cpuUsage(cpu);
  return { wall: performance.now() - start, cpu: (used.user + used.system) / 1000 };
}

const pipeline = (input: Buffer) => () => renderEntryImages(input, { watermarkText });
const bare = (input: Buffer) => () => sharp(input).resize(1200).webp().toBuffer();

async function perSecond(run: () => Promise<unknown>, total: number) {
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (next++ < total) await run();
    }),
  );
  return total / ((performance.now() - start) / 1000);
}

async function bench(name: string, input: Buffer) {
  const meta = await sharp(input).metadata();
  for (let i = 0; i < 2; i++) {
    await pipeline(input)();
    await bare(input)();
  }
  const full: Array<{ wall: number; cpu: number }> = [];
  const base: Array<{ wall: number; cpu: number }> = [];
  for (let round = 0; round < ROUNDS; round++) {
    if (round % 2 === 0) {
      full.push(await timed(pipeline(input)));
      base.push(await timed(bare(input)));
    } else {
      base.push(await timed(bare(input)));
      full.push(await timed(pipeline(input)));
    }
  }
  const wall = { full: median(full.map((r) => r.wall)), base: median(base.map((r) => r.wall)) };
  const cpu = { full: median(full.map((r) => r.cpu)), base: median(base.map((r) => r.cpu)) };
  const ratio = wall.full / wall.base;
  const fullRate = await perSecond(pipeline(input), ROUNDS);
  const bareRate = await perSecond(bare(input), ROUNDS);
  console.log(
    `${name} (${meta.format} ${meta.width}×${meta.height}, ${(input.length / 1024 / 1024).toFixed(1)} MB)\n` +
      `  pipeline (thumbnail + watermarked preview + hash): median ${wall.full.toFixed(0)} ms (CPU ${cpu.full.toFixed(0)} ms)\n` +
      `  bare sharp resize(1200).webp():                    median ${wall.base.toFixed(0)} ms (CPU ${cpu.base.toFixed(0)} ms)\n` +
      `  ratio ${ratio.toFixed(2)} (goal ≤ ${GOAL}) ${ratio <= GOAL ? "ok" : "OVER"}; CPU-time ratio ${(cpu.full / cpu.base).toFixed(2)}\n` +
      `  ${IN_FLIGHT} in flight: pipeline ${fullRate.toFixed(2)} images/s, bare ${bareRate.toFixed(2)} images/s`,
  );
  return ratio;
}

console.log(
  `bench:images — ${ROUNDS} interleaved rounds; node ${process.version}, sharp ${sharp.versions.sharp}, ` +
    `libvips ${sharp.versions.vips}, ${os.availableParallelism()} CPUs, sharp concurrency ${sharp.concurrency()}, ` +
    `load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")}`,
);
const photo = await fromRaw(photoPixels(4000, 3000, 42))
  .jpeg({ quality: 85 })
  .toBuffer();
const logo = await fromRaw(logoPixels(3000)).png().toBuffer();
const ratios = [await bench("photo", photo), await bench("logo", logo)];
console.log(
  `peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB; load average at the end ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")}`,
);
if (ratios.some((r) => r > GOAL)) process.exitCode = 1;
