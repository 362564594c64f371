"""A preview server on an ephemeral loopback port, for the serve tests."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from pathlib import Path

from sitegen.config import load_config
from sitegen.serve import Preview, PreviewHTTPServer

Live = tuple[str, int, Preview]


@contextlib.contextmanager
def running(site: Path) -> Iterator[Live]:
    """Serve ``site``'s output folder (no build, no watcher) until the block ends."""
    preview = Preview(load_config(site), say=lambda _: None, heartbeat=0.5, write=True)
    httpd = PreviewHTTPServer(("127.0.0.1", 0), preview)
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        yield "127.0.0.1", httpd.server_address[1], preview
    finally:
        preview.stop()
        httpd.shutdown()
        httpd.server_close()
        thread.join(5)
