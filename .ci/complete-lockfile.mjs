// Adds the platform-specific optional packages that the registry mirror of these machines does
// not serve (it answers 404), so package-lock.json lists every optional dependency and `npm ci`
// accepts it. npm skips these entries on other platforms without downloading them, because each
// carries its os/cpu (and libc). Run after changing dependencies: node .ci/complete-lockfile.mjs
import fs from "node:fs";

const file = new URL("../package-lock.json", import.meta.url);
const lock = JSON.parse(fs.readFileSync(file, "utf8"));
const packages = lock.packages;

const OS = ["android", "darwin", "freebsd", "linux", "win32", "openbsd", "sunos", "aix", "netbsd", "openharmony"];
const CPU = ["arm64", "arm", "x64", "ia32", "ppc64", "riscv64", "s390x", "loong64", "mips64el", "wasm32", "x86"];

/** os, cpu and libc from a platform package's name, e.g. rollup-linux-arm-musleabihf. */
function platformOf(name) {
  const parts = name.split("/").pop().split("-");
  const os = parts.find((part) => OS.includes(part) || part === "win32" || part === "wasi");
  let cpu = parts.find((part) => CPU.includes(part));
  if (!cpu && parts.includes("x86_64")) cpu = "x64";
  if (parts.includes("wasm32") || parts.includes("wasi")) return { cpu: ["wasm32"] };
  const libc = parts.some((part) => part.startsWith("musl"))
    ? ["musl"]
    : parts.some((part) => part.startsWith("gnu")) && os === "linux"
      ? ["glibc"]
      : undefined;
  return {
    ...(os ? { os: [os === "wasi" ? "wasi" : os] } : {}),
    ...(cpu ? { cpu: [cpu] } : {}),
    ...(libc ? { libc } : {}),
  };
}

let added = 0;
for (const [location, entry] of Object.entries(packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const candidates = [`${location ? `${location}/` : ""}node_modules/${name}`, `node_modules/${name}`];
    if (candidates.some((candidate) => packages[candidate])) continue;
    const platform = platformOf(name);
    if (!platform.os && !platform.cpu) continue;
    packages[`node_modules/${name}`] = { version, ...(entry.dev ? { dev: true } : {}), optional: true, ...platform };
    added += 1;
  }
}
const sorted = Object.fromEntries(
  Object.entries(packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a.localeCompare(b))),
);
lock.packages = sorted;
fs.writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`Added ${added} platform package(s) to package-lock.json.`);
