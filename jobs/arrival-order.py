#!/usr/bin/env python3
"""Puts generated claim files in arrival order, in place, for the benchmark.

The generator writes each claim file grouped by provider, which keeps staging inserts in nearly
sorted key order; real files arrive in submission order, mixed across providers, members and dates.
This shuffles the lines of each file (header first, line ends and bytes kept) with a seeded
generator, so the same seed gives the same files on every run. Physical lines are shuffled, as
CodeCred reads them: one line is one record (a stray quote spoils only its own line).

    jobs/arrival-order.py SEED FILE...
"""
import random
import sys


def main(seed, files):
    rng = random.Random(seed)
    for name in files:
        with open(name, "rb") as f:
            lines = f.read().splitlines(keepends=True)
        if not lines:
            continue
        header, body = lines[0], lines[1:]
        # a last line without a line end must not run into the one shuffled after it
        if body and not body[-1].endswith((b"\n", b"\r")):
            body[-1] += b"\r\n" if header.endswith(b"\r\n") else b"\n"
        rng.shuffle(body)
        with open(name, "wb") as f:
            f.write(header)
            f.writelines(body)


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    main(int(sys.argv[1]), sys.argv[2:])
