"""Servers the production tests start and stop themselves: a throwaway Redis, and helpers to
wait for a port. Each listens on 127.0.0.1 only, on a port of this project's own range."""

import shutil
import socket
import subprocess
import time

REDIS_SERVER = shutil.which("redis-server") or (
    "/usr/bin/redis-server" if shutil.which("/usr/bin/redis-server") else None
)
REDIS_PORT = 8107


def port_open(port, host="127.0.0.1"):
    try:
        socket.create_connection((host, port), timeout=0.2).close()
    except OSError:
        return False
    return True


def wait_for_port(port, process=None, seconds=30, what="server"):
    """Wait until something listens on ``port``; fail early if ``process`` exits first."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if port_open(port):
            return
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"{what} exited with {process.returncode} before listening on {port}")
        time.sleep(0.05)
    raise RuntimeError(f"{what} did not listen on port {port} within {seconds} s")


def closed_port():
    """A port on this machine where nothing listens (bound and released at once)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class RedisServer:
    """A private redis-server on ``port``, its data in ``folder``, which can be stopped and started
    again. ``stop(save=True)`` writes its data first, as a Redis with persistence restarts."""

    def __init__(self, folder, port=REDIS_PORT):
        self.folder, self.port, self.process = folder, port, None

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        if port_open(self.port):
            raise RuntimeError(f"port {self.port} is taken; the Redis of these tests needs it")
        self.process = subprocess.Popen(  # noqa: S603 (Debian's redis-server, arguments built here)
            [REDIS_SERVER, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
            + ["--dir", str(self.folder), "--dbfilename", "dump.rdb", "--loglevel", "warning"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_for_port(self.port, self.process, what="redis-server")
        return self

    def stop(self, save=False):
        """Stop the server; with ``save``, its keys come back on the next start."""
        if self.process is None:
            return
        if save:
            import redis

            redis.Redis(port=self.port).shutdown(save=True)
        else:
            self.process.kill()
        self.process.wait(timeout=10)
        self.process = None
