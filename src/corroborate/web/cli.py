"""`corroborate serve --db FILE`: the local web app over a store. FastAPI and uvicorn load only when it runs."""

from __future__ import annotations

import argparse
import ipaddress
import sys

EXIT_OK, EXIT_USAGE = 0, 1


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("serve", help="browse a store's stories in a local web app",
                       description="Serve the stories of a database (see `corroborate add`) as web pages and a "
                       "JSON API (/api/stories with search, sort and filters, /api/stories/ID, its downloads "
                       "/api/stories/ID/conflicts.csv and statements.csv (or .json), /api/articles/ID; schema at "
                       "/openapi.json). A story not cross-checked yet is checked in the background on first view "
                       "(`add --reports` does it at add time). Listens on 127.0.0.1 only unless --host says otherwise.")
    p.add_argument("--db", metavar="FILE", required=True, help="the database to serve (it must exist)")
    p.add_argument("--host", default="127.0.0.1",
                   help="address to listen on (default 127.0.0.1; 0.0.0.0 exposes the app to the network)")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    p.add_argument("--semantic", choices=["auto", "on", "off"], default=None,
                   help="paraphrase detection with MiniLM embeddings when a story is cross-checked")
    p.set_defaults(func=run)


def allowed_hosts(host: str) -> list[str]:
    """Host headers to accept: the loopback names, plus the address served on; any when bound to all."""
    from corroborate.web.app import LOCAL_HOSTS

    try:
        address = ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        address = None
    if address is not None and address.is_unspecified:
        return ["*"]
    return sorted({*LOCAL_HOSTS, host})


def run(args: argparse.Namespace) -> int:
    from corroborate.commands import note
    from corroborate.config import Config
    from corroborate.errors import require

    if not 0 < args.port < 65536:
        print(f"corroborate: error: --port must be 1-65535, got {args.port}", file=sys.stderr)
        return EXIT_USAGE
    uvicorn = require("uvicorn", "web", purpose="the web app")
    from corroborate.web.app import create_app

    config = Config(semantic=args.semantic) if args.semantic else Config()
    hosts = allowed_hosts(args.host)
    app = create_app(args.db, config=config, allowed_hosts=hosts)
    if hosts == ["*"]:
        print("corroborate: warning: listening on all interfaces; anyone who can reach this machine can read "
              "the stored articles", file=sys.stderr)
    note(args, f"serving {args.db} on http://{args.host}:{args.port}/ (Ctrl-C stops)")
    # -q: only warnings and errors; -v: every request with uvicorn's debug log.
    level = "warning" if args.quiet else "debug" if args.verbose else "info"
    uvicorn.run(app, host=args.host, port=args.port, log_level=level, server_header=False, proxy_headers=False)
    return EXIT_OK
