"""OpenLink Virtuoso (Debian package virtuoso-opensource) as a second real remote store.

A server on free loopback ports with its own database folder and configuration, like
helpers/oxigraph.py's; tests/setup.sh installs the package. Used by
tests/service/test_virtuoso.py and benchmarks/bench_push.py.
"""

from __future__ import annotations

import shutil
import subprocess
import time
from pathlib import Path

import httpx

from helpers import free_port
from helpers.triple_server import TripleServer


def _find(name: str) -> str | None:
    return shutil.which(name) or (f"/usr/bin/{name}" if Path(f"/usr/bin/{name}").exists()
                                  else None)  # fmt: skip


VIRTUOSO = _find("virtuoso-t")
ISQL = _find("isql-vt") or _find("isql")
VSP = Path("/var/lib/virtuoso-opensource-7/vsp")

CONFIG = """\
[Database]
DatabaseFile = {d}/virtuoso.db
ErrorLogFile = {d}/virtuoso.log
LockFile = {d}/virtuoso.lck
TransactionFile = {d}/virtuoso.trx
xa_persistent_file = {d}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
Striping = 0
TempStorage = TempDatabase
[TempDatabase]
DatabaseFile = {d}/virtuoso-temp.db
TransactionFile = {d}/virtuoso-temp.trx
[Parameters]
ServerPort = 127.0.0.1:{sql}
DisableUnixSocket = 1
CheckpointInterval = 0
DirsAllowed = ., {d}
NumberOfBuffers = 170000
MaxDirtyBuffers = 130000
; one update may carry a whole large graph (the default limit is 50 MB of log)
TransactionAfterImageLimit = 1500000000
MaxQueryMem = 1G
[HTTPServer]
ServerPort = 127.0.0.1:{http}
ServerRoot = {vsp}
ServerThreads = 10
MaxKeepAlives = 10
KeepAliveTimeout = 10
Charset = UTF-8
[SPARQL]
ResultSetMaxRows = 10000000
MaxQueryExecutionTime = 600
MaxQueryCostEstimationTime = 600
"""

# The anonymous SPARQL user may run updates and write through the graph store protocol:
# what push needs of an account (with --user, the same grants on that account instead).
GRANTS = 'GRANT SPARQL_UPDATE TO "SPARQL"; DB.DBA.RDF_DEFAULT_USER_PERMS_SET (\'nobody\', 7);'


class VirtuosoServer(TripleServer):
    """`virtuoso-t` on a folder; can be killed and started again on the same database."""

    QUERY_PATH = "/sparql"
    UPDATE_PATH = "/sparql"
    STORE_PATH = "/sparql-graph-crud"

    def __init__(self, location: Path) -> None:
        assert VIRTUOSO, "virtuoso-t (Debian package virtuoso-opensource) is not installed"
        self.location = location
        self.sql_port = free_port()
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.proc: subprocess.Popen | None = None
        self.granted = False

    @property
    def ini(self) -> Path:
        return self.location / "virtuoso.ini"

    def start(self, timeout: float = 120) -> VirtuosoServer:
        self.location.mkdir(parents=True, exist_ok=True)
        self.ini.write_text(CONFIG.format(d=self.location, sql=self.sql_port, http=self.port,
                                          vsp=VSP if VSP.exists() else self.location))
        self.proc = subprocess.Popen(
            [VIRTUOSO, "+configfile", str(self.ini), "+foreground"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=self.location,
        )  # fmt: skip
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                log = (self.location / "virtuoso.log")
                tail = log.read_text(errors="replace")[-500:] if log.exists() else ""
                raise RuntimeError(f"virtuoso-t exited with {self.proc.returncode}: {tail}")
            try:
                r = httpx.get(f"{self.base}/sparql", params={"query": "ASK {}"}, timeout=2)
                if r.status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        else:
            self.kill()
            raise RuntimeError("virtuoso-t did not start")
        if not self.granted:
            self.sql(GRANTS)
            self.granted = True
        return self

    def account(self, user: str, password: str, writes: list[str] | None = None) -> None:
        """A SQL account for the Digest-protected endpoints (/sparql-auth,
        /sparql-graph-crud-auth): writing every graph, or only the graphs in `writes`
        (reading all); the grants README.md gives."""
        statements = [f"DB.DBA.USER_CREATE('{user}', '{password}')",
                      f'GRANT SPARQL_UPDATE TO "{user}"',
                      f"DB.DBA.RDF_DEFAULT_USER_PERMS_SET('{user}', {1 if writes else 7})"]
        statements += [f"DB.DBA.RDF_GRAPH_USER_PERMS_SET('{g}', '{user}', 7)"
                       for g in writes or []]  # fmt: skip
        self.sql("; ".join(statements) + ";")

    def auth_args(self, user: str, password: str, *, gsp: bool = True) -> list[str]:
        """The CLI options for the Digest-protected endpoints, logged in as `user`."""
        store = ["--graph-store", f"{self.base}/sparql-graph-crud-auth"] if gsp else []
        return ["--endpoint", f"{self.base}/sparql-auth", "--update-endpoint",
                f"{self.base}/sparql-auth", *store, "--user", user, "--password", password]

    def sql(self, statements: str, timeout: float = 600) -> str:
        """Run SQL through isql as dba (the bulk loader, grants)."""
        assert ISQL, "isql-vt (Debian package virtuoso-opensource) is not installed"
        done = subprocess.run(
            [ISQL, f"127.0.0.1:{self.sql_port}", "dba", "dba", f"exec={statements}"],
            capture_output=True, text=True, timeout=timeout,
        )  # fmt: skip
        if done.returncode != 0 or "*** Error" in done.stdout + done.stderr:
            raise RuntimeError(f"isql: {done.stdout[-300:]} {done.stderr[-300:]}")
        return done.stdout
