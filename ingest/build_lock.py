"""One index writer at a time: a lease in the Chroma server, a file lock in embedded mode.

Every replica has a rebuild button, so two ingests can run at once. Each one swaps the
pointer and prunes old builds; interleaved, one can prune the build the other just
pointed readers at. Writers therefore take a lock for the swap and the prune (server
mode: for the whole write, since the builds are collections in a store many machines
share).

Server lease: Chroma has no compare-and-swap, but ``create_collection`` of a name that
exists fails atomically on the server, and a rename addresses a collection by its id.
So the lease is a collection ``<name>__lease`` whose metadata holds the owner and an
expiry: creating it takes the lease; an expired lease (its builder crashed) is renamed
away by id and deleted, after which the waiters race to create it again and exactly one
wins. The holder renews the expiry as it writes and checks it still holds the lease
right before it commits, so a builder that stalled past its expiry gives up instead of
committing over a newer writer. Expiry compares wall clocks: machines sharing a server
are assumed to agree within a small fraction of the lease time (NTP).
"""

from __future__ import annotations

import fcntl
import os
import socket
import time
import uuid
from contextlib import contextmanager
from pathlib import Path


class IndexBusyError(OSError):
    """Another ingest holds the index's write lock and did not release it in time."""


def _busy(owner: str, waited_s: float) -> IndexBusyError:
    return IndexBusyError(
        f"another ingest ({owner}) is writing the index; gave up after {waited_s:.0f} s "
        f"/ 別の取り込み（{owner}）が索引を書き込み中です（{waited_s:.0f} 秒待ちました）"
    )


def owner_tag() -> str:
    """Who holds a lock, readable by a person looking at the store: host, process, a unique part."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


class ServerLease:
    """The write lease for one index in a Chroma server (see the module docstring)."""

    def __init__(self, client, name: str, ttl_s: float = 60.0, wait_s: float = 300.0, poll_s: float = 0.2):
        self.client, self.name = client, name
        self.ttl_s, self.wait_s, self.poll_s = ttl_s, wait_s, poll_s
        self.owner = owner_tag()
        self._col = None  # the lease collection while held; addressed by id from then on

    def _meta(self) -> dict:
        return {"owner": self.owner, "expires": time.time() + self.ttl_s}

    def acquire(self) -> None:
        """Wait until the lease is free or expired, then take it. Connection errors propagate."""
        from chromadb.errors import ChromaError, NotFoundError

        started = time.monotonic()
        holder = "?"
        while True:
            try:
                self._col = self.client.create_collection(self.name, embedding_function=None, metadata=self._meta())
                return
            except ChromaError:
                pass  # the name exists: someone holds it (or held it and crashed)
            try:
                held = self.client.get_collection(self.name, embedding_function=None)
            except NotFoundError:
                continue  # released between our two calls: try again at once
            meta = held.metadata or {}
            holder = str(meta.get("owner", "?"))
            if float(meta.get("expires", 0)) < time.time():
                self._discard(held)  # its builder is gone: clear it, then race to create it
                continue
            if time.monotonic() - started > self.wait_s:
                raise _busy(holder, time.monotonic() - started)
            time.sleep(self.poll_s)

    def _discard(self, col) -> None:
        """Rename a lease collection by its id, then delete it: never touches a lease taken since."""
        from chromadb.errors import ChromaError

        stale = f"{self.name}-stale-{uuid.uuid4().hex[:12]}"
        try:
            col.modify(name=stale)
        except ChromaError:
            return  # already renamed or deleted by another waiter
        try:
            self.client.delete_collection(stale)
        except ChromaError:
            pass

    def held(self) -> bool:
        """True when the lease collection by that name is still ours and not expired."""
        from chromadb.errors import NotFoundError

        if self._col is None:
            return False
        try:
            now = self.client.get_collection(self.name, embedding_function=None)
        except NotFoundError:
            return False
        return now.id == self._col.id and float((now.metadata or {}).get("expires", 0)) > time.time()

    def renew(self) -> None:
        """Push the expiry forward; raise if the lease was lost (we stalled past it and another took over)."""
        if not self.held():
            raise _busy("a newer ingest", 0)
        self._col.modify(metadata=self._meta())

    def release(self) -> None:
        if self._col is not None:
            col, self._col = self._col, None
            try:
                self._discard(col)
            except Exception:
                pass  # server gone: the lease expires on its own

    def __enter__(self) -> ServerLease:
        self.acquire()
        return self

    def __exit__(self, *exc) -> None:
        self.release()


@contextmanager
def file_lock(path: Path, wait_s: float = 300.0, poll_s: float = 0.1):
    """An exclusive flock on ``path`` (created if missing); released by the kernel if the process dies."""
    started = time.monotonic()
    with open(path, "a+") as f:
        while True:
            try:
                fcntl.flock(f.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() - started > wait_s:
                    raise _busy(f"lock {path.name}", time.monotonic() - started) from None
                time.sleep(poll_s)
        try:
            yield
        finally:
            fcntl.flock(f.fileno(), fcntl.LOCK_UN)
