"""`kyoju serve` as an operator runs it: warmed before the first user, and gone (port free) on SIGTERM."""

import os
import signal
import time

from browser_kit import Server, port_open


def test_serve_warms_up_and_sigterm_frees_the_port(built, tmp_path):
    srv = Server(built[0], tmp_path)
    try:
        srv.wait_healthy()
        srv.wait_log("warm-up finished")  # the model and index were loaded before anyone asked
        os.kill(srv.proc.pid, signal.SIGTERM)  # the process itself, as systemd or a shell would
        end = time.monotonic() + 5
        while port_open(srv.port) and time.monotonic() < end:
            time.sleep(0.1)
        assert not port_open(srv.port), "the port is still held after SIGTERM"
        srv.proc.wait(timeout=5)
    finally:
        srv.stop()
