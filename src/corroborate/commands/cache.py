"""`corroborate cache info` and `corroborate cache clear`: the check cache file (sentence vectors, parses,
reports; corroborate.ingest.cache), its size, its entries per namespace, its bound; and emptying it.

The file is the one `check` uses: the ``cache`` setting of ``--config``, else ``$CORROBORATE_CACHE``, else
``~/.cache/corroborate/check-cache.sqlite``. Exit status: 0; 1 with one line naming the file when it cannot be
read (a damaged file, a locked one) or when the cache is off and ``clear`` has nothing to act on.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from corroborate.store.blobs import BlobCache

EXIT_OK, EXIT_USAGE = 0, 1


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("cache", help="show or clear the check cache (vectors, parses, reports)",
                       description="The file where `check` keeps sentence vectors, parses and reports between runs "
                       "($CORROBORATE_CACHE, else ~/.cache/corroborate/check-cache.sqlite; setting 'cache'). It is "
                       "bounded by the setting 'cache_max_mb' or $CORROBORATE_CACHE_MAX_MB (default 1024; 0: no "
                       "bound): past it, the least recently used entries are dropped and computed again when needed.")
    p.add_argument("action", choices=["info", "clear"],
                   help="info: the file, its size, its entries per namespace and its bound; clear: delete entries "
                   "(all, or one namespace's) and shrink the file")
    p.add_argument("--namespace", metavar="NS",
                   help="only this namespace, or those it starts: vector, parse, report, or a full name as "
                   "`cache info` lists it")
    p.add_argument("--config", metavar="TOML", help="settings file (its 'cache' and 'cache_max_mb')")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from corroborate.config import Config
    from corroborate.ingest.cache import cache_path, max_mb
    from corroborate.store.blobs import BlobCache
    from corroborate.store.db import StoreError

    try:
        config = Config.from_toml(args.config) if args.config else Config()
    except (OSError, ValueError) as exc:
        print(f"corroborate: error: {args.config}: {exc}", file=sys.stderr)
        return EXIT_USAGE
    path = cache_path(config.cache)
    if path is None:
        print("corroborate: the check cache is off (setting 'cache' or $CORROBORATE_CACHE is 'off')",
              file=sys.stderr)
        return EXIT_OK if args.action == "info" else EXIT_USAGE
    bound = max_mb(config.cache_max_mb)
    if not path.exists():
        if args.action == "info":
            print(f"path: {path}\nsize on disk: 0 B (no file yet)\nbound: {_bound(bound)}")
        elif not args.quiet:
            print(f"corroborate: nothing to clear: {path} does not exist", file=sys.stderr)
        return EXIT_OK
    cache = BlobCache(path)
    try:
        return _act(args, cache, bound)
    except StoreError as exc:
        hint = "; delete the file: the cache holds nothing else" if "damaged" in str(exc) else ""
        print(f"corroborate: error: {exc}{hint}", file=sys.stderr)
        return EXIT_USAGE
    finally:
        cache.close()


def _act(args: argparse.Namespace, cache: BlobCache, bound: int) -> int:
    path = cache.path
    if args.action == "clear":
        before = cache.usage().file_bytes
        deleted = cache.clear(args.namespace)
        after = cache.usage().file_bytes
        if not args.quiet:
            which = f" of namespace {args.namespace!r}" if args.namespace else ""
            print(f"deleted {deleted} entr{'y' if deleted == 1 else 'ies'}{which} from {path}; "
                  f"{_size(before)} -> {_size(after)} on disk")
        return EXIT_OK
    usage = cache.usage()
    print(f"path: {path}")
    print(f"size on disk: {_size(usage.file_bytes)} (pages in use: {_size(usage.data_bytes)})")
    print(f"bound: {_bound(bound)}")
    print(f"entries: {sum(n for _, n, _ in usage.namespaces)}")
    for namespace, entries, size in usage.namespaces:
        if args.namespace and not (namespace == args.namespace or namespace.startswith(f"{args.namespace}:")):
            continue
        print(f"  {namespace}\t{entries} entr{'y' if entries == 1 else 'ies'}\t{_size(size)}")
    return EXIT_OK


def _bound(mb: int) -> str:
    return "none (0)" if mb == 0 else f"{mb} MB, least recently used entries evicted past it"


def _size(n: int) -> str:
    for unit, scale in (("GB", 2**30), ("MB", 2**20), ("kB", 2**10)):
        if n >= scale:
            return f"{n / scale:.1f} {unit}"
    return f"{n} B"
