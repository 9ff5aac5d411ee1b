#!/usr/bin/env python3
"""Generates a large git repository for benchmarks: FILES files and COMMITS commits via git fast-import.

usage: make-large-repo.py DIR [--files 50000] [--commits 10000]
The history touches a few files per commit; the last commit leaves every file present.
A bare clone becomes `origin`, HEAD is 3 commits ahead of it, and a tag sits 50 commits back.
"""
import argparse, os, subprocess, sys

def main():
    p = argparse.ArgumentParser()
    p.add_argument("dir")
    p.add_argument("--files", type=int, default=50000)
    p.add_argument("--commits", type=int, default=10000)
    a = p.parse_args()
    os.makedirs(a.dir, exist_ok=True)
    env = dict(os.environ, GIT_CONFIG_GLOBAL="/dev/null", GIT_CONFIG_NOSYSTEM="1")
    run = lambda *cmd, **kw: subprocess.run(cmd, cwd=a.dir, env=env, check=True, **kw)
    run("git", "init", "-q", "-b", "main", ".")
    run("git", "config", "user.name", "Bench"); run("git", "config", "user.email", "bench@example.com")
    run("git", "config", "gc.auto", "0")
    fi = subprocess.Popen(["git", "fast-import", "--quiet"], cwd=a.dir, env=env, stdin=subprocess.PIPE)
    w = fi.stdin.write
    def path(i):
        return f"stacks/stack{i % 10}/module{(i // 10) % 50}/file{i}.py"
    t = 1_700_000_000
    # first commit: all files
    w(b"commit refs/heads/main\nmark :1\n")
    w(f"committer Bench <bench@example.com> {t} +0000\n".encode())
    w(b"data 7\ninitial\n")
    for i in range(a.files):
        body = f"# file {i}\nvalue = {i}\n".encode()
        w(f"M 100644 inline {path(i)}\ndata {len(body)}\n".encode() + body + b"\n")
    for c in range(2, a.commits + 1):
        w(f"commit refs/heads/main\nmark :{c}\n".encode())
        w(f"committer Bench <bench@example.com> {t + c * 60} +0000\n".encode())
        msg = f"change {c}".encode()
        w(f"data {len(msg)}\n".encode() + msg + b"\n")
        w(f"from :{c - 1}\n".encode())
        for k in range(3):
            i = (c * 7 + k * 13) % a.files
            body = f"# file {i}\nvalue = {c}\n".encode()
            w(f"M 100644 inline {path(i)}\ndata {len(body)}\n".encode() + body + b"\n")
    fi.stdin.close()
    if fi.wait() != 0:
        sys.exit("fast-import failed")
    run("git", "tag", "-a", "v1.0.0", "-m", "bench tag", "main~50")
    run("git", "checkout", "-q", "-f", "main")
    bare = a.dir.rstrip("/") + "-origin.git"
    run("git", "clone", "-q", "--bare", a.dir, bare)
    run("git", "remote", "add", "origin", bare)
    run("git", "fetch", "-q", "origin")
    run("git", "reset", "-q", "--hard", "origin/main~3")
    run("git", "branch", "-q", "--set-upstream-to=origin/main", "main")
    for n in range(3):
        with open(os.path.join(a.dir, f"local{n}.txt"), "w") as f:
            f.write(str(n))
        run("git", "add", f"local{n}.txt"); run("git", "commit", "-q", "-m", f"local {n}")
    with open(os.path.join(a.dir, "stacks/stack1/module1/file11.py"), "a") as f:
        f.write("# edited\n")
    with open(os.path.join(a.dir, "untracked.txt"), "w") as f:
        f.write("u")
    run("git", "status", "--porcelain", stdout=subprocess.DEVNULL)  # refresh the index stat cache

if __name__ == "__main__":
    main()
