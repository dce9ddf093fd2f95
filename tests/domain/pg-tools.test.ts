import { describe, expect, it } from "vitest";
import { backupFileName, backupsOldestFirst, choosePgTools, majorOfVersionLine } from "~/db/pg-tools";

describe("choosing pg_dump for a server", () => {
  const found = [
    { binDir: "/usr/lib/postgresql/15/bin", major: 15 },
    { binDir: "/usr/lib/postgresql/18/bin", major: 18 },
    { binDir: "/usr/lib/postgresql/16/bin", major: 16 },
  ];

  it("takes the closest version at or above the server's", () => {
    expect(choosePgTools(found, 15)?.major).toBe(15);
    expect(choosePgTools(found, 17)?.major).toBe(18);
  });

  it("takes none when every pg_dump is older than the server", () => {
    expect(choosePgTools(found.slice(0, 1), 18)).toBeUndefined();
  });

  it("reads the major version from pg_dump --version", () => {
    expect(majorOfVersionLine("pg_dump (PostgreSQL) 15.20 (Debian 15.20-0+deb12u1)\n")).toBe(15);
    expect(majorOfVersionLine("pg_dump (PostgreSQL) 18.1\n")).toBe(18);
    expect(majorOfVersionLine("bash: pg_dump: command not found")).toBeUndefined();
  });
});

describe("backup file names", () => {
  it("carry the UTC moment to the second, whatever the machine's time zone", () => {
    expect(backupFileName(new Date("2027-03-28T01:30:05.123+01:00"))).toBe("buurtrooster-20270328T003005Z.dump");
  });

  it("sort oldest first and leave other files out", () => {
    expect(
      backupsOldestFirst([
        "buurtrooster-20270102T014000Z.dump",
        "notes.txt",
        ".buurtrooster-20270103T014000Z.dump.partial",
        "buurtrooster-20261231T014000Z.dump",
      ]),
    ).toEqual(["buurtrooster-20261231T014000Z.dump", "buurtrooster-20270102T014000Z.dump"]);
  });
});
