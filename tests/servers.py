"""Servers the production tests start and stop themselves: a throwaway Redis, and helpers to
wait for a port. Each listens on 127.0.0.1 only, on a port of this project's own range."""

import os
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

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


ROOT = Path(__file__).resolve().parent.parent
MOTO_PORT = 8120
WEB_PORTS = (8108, 8109)


def database_url(settings_dict):
    """A URL for the database Django's connection uses (the test database), for other processes."""
    user = quote(settings_dict["USER"] or "")
    password = f":{quote(settings_dict['PASSWORD'])}" if settings_dict["PASSWORD"] else ""
    host = settings_dict["HOST"] or "127.0.0.1"
    return f"postgres://{user}{password}@{host}:{settings_dict['PORT'] or 5432}/{settings_dict['NAME']}"


def production_environment(database, redis_url, **extra):
    """The environment of a web or worker process on production settings, as `make production` sets it."""
    keep = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "AWS_", "CARELINGUA_", "PYTEST"))}
    return {
        **keep,
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "ALLOWED_HOSTS": "localhost,127.0.0.1",
        "DATABASE_URL": database,
        "REDIS_URL": redis_url,
        "SECURE_SSL_REDIRECT": "0",
        "WEB_CONCURRENCY": "1",
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
        **extra,
    }


class Process:
    """A child process with its output in a file (read when something goes wrong)."""

    def __init__(self, args, env, log):
        self.args, self.env, self.log, self.process = args, env, log, None

    def start(self):
        with open(self.log, "ab") as output:
            self.process = subprocess.Popen(self.args, cwd=ROOT, env=self.env, stdout=output, stderr=output)  # noqa: S603
        return self

    def kill(self, sig=signal.SIGKILL):
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(sig)
            self.process.wait(timeout=30)

    def stop(self):
        self.kill(signal.SIGTERM)

    def output(self):
        return Path(self.log).read_text(errors="replace")


class AppServer(Process):
    """gunicorn on production settings, as the Procfile's web process."""

    def __init__(self, port, env, log):
        super().__init__(
            [sys.executable, "-m", "gunicorn", "--config", "gunicorn.conf.py", "--bind", f"127.0.0.1:{port}"], env, log
        )
        self.port = port
        self.url = f"http://127.0.0.1:{port}"

    def browser(self):
        return Browser()

    def start(self):
        super().start()
        try:
            wait_for_port(self.port, self.process, what="gunicorn")
        except RuntimeError as error:
            raise RuntimeError(f"{error}\n{self.output()}") from error
        return self


class Worker(Process):
    """The Procfile's worker: interrupted jobs queued again, then `manage.py db_worker`, polling often."""

    def __init__(self, env, log):
        python = shlex.quote(sys.executable)
        command = f"{python} manage.py resume_machine_translation && exec {python} manage.py db_worker --interval 0.2"
        super().__init__(["/bin/sh", "-c", command], env, log)


class MotoServer(Process):
    """moto's server mode: a local S3-compatible service speaking the S3 API over HTTP."""

    def __init__(self, log, port=MOTO_PORT):
        super().__init__(
            [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)], dict(os.environ), log
        )
        self.url = f"http://127.0.0.1:{port}"
        self.port = port

    def start(self):
        if port_open(self.port):
            raise RuntimeError(f"port {self.port} is taken; the S3 server of these tests needs it")
        super().start()
        wait_for_port(self.port, self.process, what="moto server")
        return self


class Browser:
    """Requests as they reach a server from the HTTPS proxy: ``X-Forwarded-Proto: https`` and the
    site's host name, with the session and CSRF cookies (secure cookies) kept by hand."""

    def __init__(self, host="localhost"):
        import requests

        self.session = requests.Session()
        self.host = host
        self.cookies = {}

    def request(self, method, url, **kwargs):
        headers = {
            "Host": self.host,
            "X-Forwarded-Proto": "https",
            "Referer": f"https://{self.host}/admin/",
            **kwargs.pop("headers", {}),
        }
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        response = self.session.request(method, url, headers=headers, allow_redirects=False, timeout=30, **kwargs)
        self.cookies.update({cookie.name: cookie.value for cookie in response.cookies})
        self.session.cookies.clear()
        return response

    def get(self, url, **kwargs):
        return self.request("GET", url, **kwargs)

    def post(self, url, data, **kwargs):
        return self.request(
            "POST", url, data={**data, "csrfmiddlewaretoken": self.cookies.get("csrftoken", "")}, **kwargs
        )

    def log_in(self, user):
        """A session of ``user`` as the admin's login makes it (in the shared database; the servers
        share this process's SECRET_KEY, and the test settings' password hasher is not theirs)."""
        from django.conf import settings
        from django.test import Client

        client = Client()
        client.force_login(user)
        self.cookies[settings.SESSION_COOKIE_NAME] = client.cookies[settings.SESSION_COOKIE_NAME].value
        return self


class Topology:
    """The production topology around the test database: a private Redis, gunicorn web servers
    and db_worker processes on production settings, each started on demand and all stopped
    at the end. Other processes see only what the test commits (a transactional test)."""

    def __init__(self, database, folder, secret_key, static_root):
        self.folder = folder
        self.redis = RedisServer(folder).start()
        self.env = production_environment(database, self.redis.url, SECRET_KEY=secret_key, STATIC_ROOT=str(static_root))
        self.processes = []

    def web(self, count=2, **extra):
        servers = [
            AppServer(port, {**self.env, **extra}, self.folder / f"web-{port}.log").start()
            for port in WEB_PORTS[:count]
        ]
        self.processes.extend(servers)
        return servers

    def worker(self, **extra):
        worker = Worker({**self.env, **extra}, self.folder / "worker.log").start()
        self.processes.append(worker)
        return worker

    def stop(self):
        for process in self.processes:
            process.stop()
        self.redis.stop()
