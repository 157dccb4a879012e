"""What the benchmark scripts share: logging, generated meshes, the release binary, timed commands."""
import os
import re
import subprocess
import sys
import time

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
SHARED_BENCH = os.path.join(REPO, "..", "shared", "bench")
GEN = os.path.join(SHARED_BENCH, "gen_mesh.py")


def log(*a):
    print(*a, file=sys.stderr, flush=True)


def fix_duplicate_input_ports(mesh):
    """gen_mesh.py can give a product two input ports of one name (two upstreams in different domains
    share a slug); meshport reports port.name.duplicate and builds nothing, so copies get a suffix."""
    for root, _, files in os.walk(mesh):
        if "product.odps.yaml" not in files:
            continue
        path = os.path.join(root, "product.odps.yaml")
        lines = open(path).read().split("\n")
        seen, section, changed = set(), None, False
        for i, line in enumerate(lines):
            if not line.startswith(" "):
                section = line.split(":")[0]
            m = re.match(r"  - name: (\S+)$", line)
            if m and section == "inputPorts":
                name, n = m.group(1), 2
                if name in seen:
                    while "%s_%d" % (name, n) in seen:
                        n += 1
                    name = "%s_%d" % (name, n)
                    lines[i], changed = "  - name: " + name, True
                seen.add(name)
        if changed:
            open(path, "w").write("\n".join(lines))


def generated_mesh(products, seed, folder):
    """The gen_mesh.py mesh of `products` products in `folder`, generated once and reused."""
    if not os.path.exists(os.path.join(folder, "mesh.yaml")):
        log("generating %d products (seed %d)..." % (products, seed))
        subprocess.run([sys.executable, GEN, "--products", str(products), "--seed", str(seed), "--out", folder,
                        "--quiet"], check=True, stdout=subprocess.DEVNULL)
        fix_duplicate_input_ports(folder)
    return folder


def release_binary():
    log("building meshport (release)...")
    subprocess.run(["swift", "build", "-c", "release", "--product", "meshport"], cwd=REPO, check=True,
                   stdout=subprocess.DEVNULL)
    return os.path.join(REPO, ".build", "release", "meshport")


def timed(command, env=None, cwd=None):
    """Runs a command under GNU time: wall, user and system seconds, peak RSS in MiB, and its stderr."""
    start = time.monotonic()
    run = subprocess.run(["/usr/bin/time", "-f", "@@time %U %S %M"] + command, env=env, cwd=cwd,
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall = time.monotonic() - start
    m = re.search(r"@@time ([0-9.]+) ([0-9.]+) (\d+)", run.stderr)
    if run.returncode != 0 or not m:
        sys.exit("failed: %s\n%s" % (" ".join(command), run.stderr[-4000:]))
    return {"wall": wall, "user": float(m.group(1)), "sys": float(m.group(2)), "rss": int(m.group(3)) / 1024,
            "stderr": run.stderr}
