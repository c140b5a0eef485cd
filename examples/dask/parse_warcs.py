"""Parses WARC files on a Dask distributed cluster, one task per file, each
worker with the Python binding (newsparse.warc), writing one JSON Lines
partition per file: the lines `newsparse parse FILE` writes, in the same
order, byte for byte.

    # a local cluster of N worker processes
    python3 examples/dask/parse_warcs.py --workers 2 --out parsed/ crawl/*.warc.gz
    # an existing cluster (dask scheduler / dask worker on other machines)
    python3 examples/dask/parse_warcs.py --scheduler tcp://10.0.0.1:8786 --out /shared/parsed/ ...

The WARC paths and --out must be readable and writable by every worker
under the same names (a shared file system), and every worker must import
newsparse (see docs/scaling.md). Prints one line per partition and a total
with pages per second; exits 1 when a record failed (its error record is in
its partition, as the command writes it).
"""

import argparse
import json
import os
import sys
import time


def parse_partition(path, out_dir, index, flags=0):
    """Parses one WARC file into out_dir/part-NNNNN.jsonl (written whole or
    not at all). Runs on a worker."""
    import newsparse.warc
    start = time.monotonic()
    cpu = time.process_time()
    out = os.path.join(out_dir, "part-%05d.jsonl" % index)
    tmp = "%s.tmp-%d" % (out, os.getpid())
    records = errors = 0
    error_head = '{"schema":1,"source":%s,"error":{' % json.dumps(path, ensure_ascii=False)
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        for line in newsparse.warc.parse_file(path, flags=flags):
            f.write(line)
            f.write("\n")
            records += 1
            errors += line.startswith(error_head)
    os.replace(tmp, out)
    return {"warc": path, "partition": out, "records": records, "errors": errors,
            "seconds": time.monotonic() - start, "cpu_seconds": time.process_time() - cpu}


def run(client, paths, out_dir, flags=0):
    """Maps parse_partition over the files on the cluster; returns the
    partitions' summaries in input order."""
    os.makedirs(out_dir, exist_ok=True)
    futures = client.map(parse_partition, paths, [out_dir] * len(paths),
                         range(len(paths)), [flags] * len(paths), pure=False)
    return client.gather(futures)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("warcs", nargs="+", help="WARC or WARC.gz files")
    ap.add_argument("--out", required=True, help="folder of the JSON Lines partitions")
    where = ap.add_mutually_exclusive_group()
    where.add_argument("--scheduler", help="address of a running Dask scheduler")
    where.add_argument("--workers", type=int, default=2,
                       help="local worker processes to start (default 2)")
    args = ap.parse_args(argv)

    from dask.distributed import Client, LocalCluster
    cluster = None
    if args.scheduler:
        client = Client(args.scheduler)
    else:
        cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1,
                               processes=True, dashboard_address=None)
        client = Client(cluster)
    try:
        paths = [os.path.abspath(p) for p in args.warcs]
        start = time.monotonic()
        parts = run(client, paths, os.path.abspath(args.out))
        wall = time.monotonic() - start
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    pages = sum(p["records"] for p in parts)
    errors = sum(p["errors"] for p in parts)
    cpu = sum(p["cpu_seconds"] for p in parts)
    for p in parts:
        print("%s: %d records, %d errors, %.2f s (%.2f s CPU) -> %s" % (
            p["warc"], p["records"], p["errors"], p["seconds"], p["cpu_seconds"],
            p["partition"]))
    # CPU time tells the cost where other work shares the machine
    print("total: %d records, %d errors, %.2f s, %.1f pages/s; %.1f pages per CPU second" % (
        pages, errors, wall, pages / wall if wall > 0 else 0.0, pages / cpu if cpu > 0 else 0.0))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
